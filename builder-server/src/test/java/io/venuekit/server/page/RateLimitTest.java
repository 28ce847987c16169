package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.VenuekitServer;
import io.venuekit.server.db.Database;
import io.venuekit.server.ops.RateLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each level refuses with 429 and Retry-After; past the layout-read ceiling, cached layouts are still answered. */
class RateLimitTest {

    @TempDir
    Path dir;

    private TestServer start(String routes, String global) throws Exception {
        ObjectNode limits = (ObjectNode) TestServer.MAPPER.readTree("{\"global\": " + global + ", \"perAddress\": {}, "
                + "\"rendersPastLimit\": {\"perSecond\": 0.001, \"burst\": 1}, \"routes\": " + routes + "}");
        ServerConfig config = ServerConfig.forTests(dir);
        return TestServer.wrap(
                VenuekitServer.start(config, Database.connect(null, dir, "venuekit"), RateLimits.parse(limits)));
    }

    private static void assertRefused(TestServer.Response response, String level) {
        assertEquals(429, response.status(), response.toString());
        assertNotNull(response.header("Retry-After"));
        assertEquals("rate-limited", response.json().path("error").path("code").asText());
        assertEquals(
                true, response.json().path("error").path("message").asText().contains(level), response.toString());
    }

    @Test
    void perRouteClassPerAddressAndCachedLayoutsPastTheCeiling() throws Exception {
        // a very slow refill: the bursts are all there is during the test
        String slow = "\"perAddressPerSecond\": 0.001, \"perAddressBurst\": ";
        try (TestServer server = start(
                "{\"layout-read\": {" + slow + "2}, \"builder-write\": {" + slow + "2}," + " \"upload\": {" + slow
                        + "1}, \"sign-in\": {" + slow + "1}}",
                "{}")) {
            String id = server.post("/api/pages", Pages.simple("limited"))
                    .json()
                    .path("id")
                    .asText();
            assertEquals(201, server.post("/api/pages/" + id + "/publish", null).status());
            assertRefused(server.post("/api/pages", Pages.simple("one-too-many")), "builder-write");

            assertEquals(200, server.get("/v1/venues/limited/layout?tier=high").status()); // rendered and cached
            assertEquals(200, server.get("/v1/venues/limited/layout?tier=high").status());
            for (int i = 0; i < 5; i++) {
                assertEquals(
                        200,
                        server.get("/v1/venues/limited/layout?tier=high").status(),
                        "cached: answered past the limit");
            }
            // past the limit, renders are few for everyone: the first is allowed, the next refused
            assertEquals(200, server.get("/v1/venues/limited/layout?tier=low").status());
            assertRefused(server.get("/v1/venues/limited/layout?tier=mid"), "layout-read");

            byte[] png = java.util.Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
            server.post("/api/assets", png, "Content-Type", "image/png");
            assertRefused(server.post("/api/assets", png, "Content-Type", "image/png"), "upload");

            server.post("/api/session", "{\"token\": \"x\"}");
            assertRefused(server.post("/api/session", "{\"token\": \"x\"}"), "sign-in");
        }
    }

    @Test
    void theGlobalCeiling() throws Exception {
        try (TestServer server = start("{}", "{\"perSecond\": 0.001, \"burst\": 3}")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, server.get("/health/live").status());
            }
            assertRefused(server.get("/health/live"), "global");
        }
    }
}
