package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 8: wrong-typed page fields were saved with warnings, and a string over 1 MB was
 * reported as nesting too deep.
 */
class LaxSavesTest {

    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String withField(String field) {
        return SecurityFixtures.page("lax").toString().replace("\"title\":", field + ",\"title\":");
    }

    private static void assertFault(Response r, String pointer) {
        assertEquals(400, r.status(), r.toString());
        assertTrue(
                r.json().at("/error/faults").toString().contains("\"pointer\":\"" + pointer + "\""),
                pointer + ": " + r);
        assertEquals(0, server.get("/api/pages").json().path("pages").size(), "nothing was saved");
    }

    @Test
    void aScheduleInWordsIsRefusedWithThePointerOfEachField() {
        Response r = server.post("/api/pages", withField("\"schedule\":{\"start\":\"yesterday\",\"end\":5}"));
        assertFault(r, "/schedule/start");
        assertFault(r, "/schedule/end");
        assertTrue(r.text().contains("yesterday"), "the message shows what arrived: " + r);
    }

    @Test
    void targetingThatIsNotAnObjectIsRefused() {
        assertFault(server.post("/api/pages", withField("\"targeting\":\"all\"")), "/targeting");
        assertFault(server.post("/api/pages", withField("\"targeting\":{\"regions\":\"CN\"}")), "/targeting/regions");
    }

    @Test
    void aStringOverTheLimitIsTooLongNotTooDeep() {
        Response r = server.post(
                "/api/pages", SecurityFixtures.page("lax").toString().replace("Hello", "x".repeat(1_100_000)));
        assertEquals(400, r.status(), r.toString());
        JsonNode fault = r.json().at("/error/faults/0");
        assertEquals("too-long", fault.path("code").asText(), r.toString());
        assertEquals("/components/0/props/text", fault.path("pointer").asText(), r.toString());
        assertTrue(fault.path("message").asText().contains("1,100,000"), "says what arrived: " + fault);
    }
}
