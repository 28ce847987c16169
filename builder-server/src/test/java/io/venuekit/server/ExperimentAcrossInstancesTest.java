package io.venuekit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database, as behind a load balancer (docs/deployment.md): a shopper is shown
 * the same experiment variant whichever instance answers (issue 19, "sticky assignment across two
 * instances"), and both instances serve the same bytes for that variant.
 */
class ExperimentAcrossInstancesTest {

    @TempDir
    Path dir;

    @Test
    void twoInstancesOnOneDatabaseShowEachShopperTheSameVariant() throws Exception {
        MongoServer mongo =
                new MongoServer(new H2Backend(dir.resolve("shared.mv").toString()));
        mongo.bind("127.0.0.1", 0);
        try (TestServer a = TestServer.start(on(mongo, dir.resolve("a")))) {
            TestServer b = TestServer.start(on(mongo, dir.resolve("b")));
            String id = a.post("/api/pages", experimentPage()).json().path("id").asText();
            Response published = a.post("/api/pages/" + id + "/publish", null);
            assertEquals(201, published.status(), published.toString());
            awaitServed(b, "/v1/venues/two-instances/layout");

            Map<String, String> variants = new HashMap<>();
            Set<String> shown = new HashSet<>();
            for (int u = 0; u < 40; u++) {
                String user = "shopper-" + u;
                Response fromA = a.get("/v1/venues/two-instances/layout", "X-Venuekit-User-Id", user);
                Response fromB = b.get("/v1/venues/two-instances/layout", "X-Venuekit-User-Id", user);
                assertEquals(200, fromA.status(), fromA.toString());
                assertEquals(200, fromB.status(), fromB.toString());
                String variant =
                        fromA.json().at("/components/0/tracking/variant").asText();
                assertEquals(
                        variant,
                        fromB.json().at("/components/0/tracking/variant").asText(),
                        user + " on instance b");
                assertEquals(fromA.header("X-Venuekit-Variants"), fromB.header("X-Venuekit-Variants"), user);
                assertEquals(
                        fromA.header("ETag"), fromB.header("ETag"), user + ": the same bytes for the same variant");
                variants.put(user, variant);
                shown.add(variant);
            }
            assertEquals(Set.of("control", "big-type"), shown, "both variants get shoppers: " + variants);

            // a restart of instance b (a new process, nothing in memory) keeps every assignment
            b.close();
            try (TestServer b2 = TestServer.start(on(mongo, dir.resolve("b")))) {
                awaitServed(b2, "/v1/venues/two-instances/layout");
                for (Map.Entry<String, String> e : variants.entrySet()) {
                    Response r = b2.get("/v1/venues/two-instances/layout", "X-Venuekit-User-Id", e.getKey());
                    assertEquals(
                            e.getValue(),
                            r.json().at("/components/0/tracking/variant").asText(),
                            e.getKey() + " after a restart");
                }
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static ServerConfig on(MongoServer mongo, Path dataDir) {
        ServerConfig base = ServerConfig.forTests(dataDir);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        return new ServerConfig(
                base.port(),
                base.dataDir(),
                uri,
                base.databaseName(),
                base.modelsDir(),
                base.maxBodyBytes(),
                base.seedSample(),
                base.benchRoutes(),
                base.maxUploadBytes(),
                base.tierRules(),
                base.defaultRegion(),
                base.authTokens(),
                base.eventLoops(),
                base.warmUp(),
                base.linkPolicy(),
                base.tierDevices());
    }

    /** The other instance learns of a publish from the database: wait (with a deadline) until it serves the page. */
    private static void awaitServed(TestServer server, String path) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Response r = server.get(path);
        while (r.status() != 200) {
            assertTrue(System.nanoTime() < deadline, "not served within 30 s: " + r);
            Thread.sleep(100);
            r = server.get(path);
        }
    }

    private static ObjectNode experimentPage() {
        ObjectNode page = TestServer.MAPPER
                .createObjectNode()
                .put("slug", "two-instances")
                .put("title", "Two instances");
        ObjectNode experiment = page.putArray("components")
                .addObject()
                .put("id", "hero-test")
                .put("type", "experiment")
                .put("version", 1);
        ArrayNode variants = experiment.putObject("props").putArray("variants");
        variants.addObject().put("name", "control").put("share", 50);
        variants.addObject().put("name", "big-type").put("share", 50);
        ArrayNode children = experiment.putArray("children");
        children.addObject()
                .put("id", "copy-a")
                .put("type", "rich-text")
                .put("version", 2)
                .putObject("props")
                .put("text", "Deals");
        children.addObject()
                .put("id", "copy-b")
                .put("type", "rich-text")
                .put("version", 2)
                .putObject("props")
                .put("text", "# DEALS");
        children.forEach(c -> ((ObjectNode) c).putArray("children"));
        return page;
    }
}
