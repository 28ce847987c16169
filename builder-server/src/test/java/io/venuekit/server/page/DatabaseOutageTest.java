package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.VenuekitServer;
import io.venuekit.server.db.Database;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stopped under a running server and started again, and a cold start while it is down:
 * published layouts and H5 pages keep answering 200 from memory or the local copy, marked stale;
 * builder writes answer 503; the server reconnects by itself. The database is a MongoDB-protocol
 * server on a socket (mongo-java-server over an H2 file), which the test can stop and start.
 */
class DatabaseOutageTest {

    @TempDir
    Path dir;

    private MongoServer mongo;
    private int mongoPort;

    @AfterEach
    void stopMongo() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private void startMongo() {
        mongo = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
        InetSocketAddress address = mongo.bind();
        if (mongoPort == 0) {
            mongoPort = address.getPort();
        }
    }

    private void restartMongoOnItsPort() {
        mongo = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
        mongo.bind("127.0.0.1", mongoPort);
    }

    private void stopMongoNow() {
        mongo.shutdownNow();
        mongo = null;
    }

    private TestServer venuekit() throws Exception {
        ServerConfig config = ServerConfig.forTests(dir.resolve("data"));
        Database database = Database.connect("mongodb://127.0.0.1:" + mongoPort, config.dataDir(), "venuekit");
        return TestServer.wrap(VenuekitServer.start(config, database));
    }

    @Test
    void layoutsAndPagesAreServedStaleWhileTheDatabaseIsAwayAndWritesWaitForIt() throws Exception {
        startMongo();
        try (TestServer server = venuekit()) {
            String id = server.post("/api/pages", Pages.simple("outage"))
                    .json()
                    .path("id")
                    .asText();
            assertEquals(201, server.post("/api/pages/" + id + "/publish", null).status());
            TestServer.Response before = server.get("/v1/venues/outage/layout?tier=high");
            assertEquals(200, before.status(), before.toString());
            assertNull(before.header("X-Venuekit-Stale"));
            assertTrue(before.header("Cache-Control").contains("stale-if-error"), before.header("Cache-Control"));
            // the local copy is written by the refresh loop
            waitFor(() -> java.nio.file.Files.exists(dir.resolve("data/published-pages.json")));

            stopMongoNow();
            waitFor(() -> "degraded"
                    .equals(server.get("/health/ready").json().path("status").asText()));

            // a layout already rendered, one never rendered (another tier), and the H5 page
            for (String path : new String[] {
                "/v1/venues/outage/layout?tier=high", "/v1/venues/outage/layout?tier=low", "/venues/outage?tier=mid"
            }) {
                TestServer.Response stale = server.get(path);
                assertEquals(200, stale.status(), path + ": " + stale);
                assertEquals("database-unreachable", stale.header("X-Venuekit-Stale"), path);
                assertTrue(stale.header("Cache-Control").contains("stale-if-error"), path);
            }
            TestServer.Response write =
                    server.put("/api/pages/" + id, Pages.simple("outage").put("title", "Later"), "If-Match", "1");
            assertEquals(503, write.status(), write.toString());
            assertEquals(
                    "store-unavailable", write.json().path("error").path("code").asText());
            assertEquals(503, server.post("/api/pages", Pages.simple("another")).status());

            restartMongoOnItsPort();
            waitFor(() -> "ready"
                    .equals(server.get("/health/ready").json().path("status").asText()));
            TestServer.Response edited =
                    server.put("/api/pages/" + id, Pages.simple("outage").put("title", "Later"), "If-Match", "1");
            assertEquals(200, edited.status(), edited.toString());
            TestServer.Response fresh = server.get("/v1/venues/outage/layout?tier=low");
            assertEquals(200, fresh.status());
            assertNull(fresh.header("X-Venuekit-Stale"));
        }
    }

    @Test
    void aColdStartWithTheDatabaseDownServesTheLocalCopy() throws Exception {
        startMongo();
        try (TestServer server = venuekit()) {
            String id = server.post("/api/pages", Pages.simple("cold"))
                    .json()
                    .path("id")
                    .asText();
            assertEquals(201, server.post("/api/pages/" + id + "/publish", null).status());
            waitFor(() -> java.nio.file.Files.exists(dir.resolve("data/published-pages.json")));
        }
        stopMongoNow();
        try (TestServer server = venuekit()) {
            TestServer.Response layout = server.get("/v1/venues/cold/layout?tier=mid");
            assertEquals(200, layout.status(), layout.toString());
            assertEquals("database-unreachable", layout.header("X-Venuekit-Stale"));
            assertEquals("cold", layout.json().path("page").path("slug").asText());
            assertEquals(200, server.get("/venues/cold").status());
            assertEquals(404, server.get("/v1/venues/never-published/layout").status());
            assertEquals(503, server.post("/api/pages", Pages.simple("nope")).status());

            startMongoAgain();
            waitFor(() -> server.get("/health").status() == 200);
            assertEquals(
                    201,
                    server.post("/api/pages", Pages.simple("after-the-outage")).status());
            assertEquals(
                    409,
                    server.post("/api/pages", Pages.simple("after-the-outage")).status(),
                    "the unique slug index was made once the database came back");
        }
    }

    private void startMongoAgain() {
        restartMongoOnItsPort();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
