package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.VenuekitServer;
import io.venuekit.server.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory that cannot take writes, injected: reported, writes 503 with nothing saved, reads go on, recovery. */
class StoreFaultTest {

    @TempDir
    Path dataDir;

    @Test
    void aReadOnlyDataDirectoryIsReportedWritesAnswer503AndTheServerRecoversWithoutARestart() throws Exception {
        ServerConfig config = ServerConfig.forTests(dataDir);
        String kept;
        try (TestServer server = TestServer.start(config)) {
            kept = server.post("/api/pages", Pages.simple("kept"))
                    .json()
                    .path("id")
                    .asText();
        }
        AtomicReference<String> problem = new AtomicReference<>("DATA_DIR " + dataDir + " is read-only (injected)");
        String later;
        try (TestServer server =
                new TestServerOver(config, Database.connect(null, dataDir, "venuekit", problem::get)).server) {
            // reported at start, before anything is lost
            TestServer.Response health = server.get("/health");
            assertEquals(503, health.status(), health.toString());
            assertEquals("read-only", health.json().path("store").path("status").asText());
            assertTrue(health.json().path("store").path("problem").asText().contains("read-only (injected)"));
            TestServer.Response ready = server.get("/health/ready");
            assertEquals(200, ready.status());
            assertEquals("degraded", ready.json().path("status").asText());

            TestServer.Response refused = server.post("/api/pages", Pages.simple("refused"));
            assertEquals(503, refused.status(), refused.toString());
            assertEquals(
                    "store-unavailable",
                    refused.json().path("error").path("code").asText());
            assertTrue(refused.header("Retry-After") != null);
            TestServer.Response edit =
                    server.put("/api/pages/" + kept, Pages.simple("kept").put("title", "Never"), "If-Match", "1");
            assertEquals(503, edit.status(), edit.toString());
            // reads go on
            assertEquals(200, server.get("/api/pages/" + kept).status());
            assertEquals(1, server.get("/api/pages").json().path("pages").size());

            problem.set(null);
            waitFor(() -> server.get("/health").status() == 200);
            TestServer.Response created = server.post("/api/pages", Pages.simple("later"));
            assertEquals(201, created.status(), created.toString());
            later = created.json().path("id").asText();
        }
        try (TestServer server = TestServer.start(config)) {
            assertEquals(
                    1,
                    server.get("/api/pages/" + kept).json().path("version").asInt(),
                    "the refused edit left nothing");
            assertEquals(200, server.get("/api/pages/" + later).status());
            assertEquals(2, server.get("/api/pages").json().path("pages").size());
        }
    }

    /** A TestServer over a database the test connected. */
    private record TestServerOver(TestServer server) {
        TestServerOver(ServerConfig config, Database database) throws Exception {
            this(TestServer.wrap(VenuekitServer.start(config, database)));
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
