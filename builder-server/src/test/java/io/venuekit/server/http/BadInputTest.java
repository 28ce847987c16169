package io.venuekit.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken requests get a 4xx that says what to fix, and the server keeps serving. */
class BadInputTest {

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

    private static void assertError(Response response, int status, String code, String messagePart) {
        assertEquals(status, response.status(), response.toString());
        assertEquals(code, response.json().at("/error/code").asText(), response.toString());
        String message = response.json().at("/error/message").asText();
        assertTrue(message.contains(messagePart), message);
        assertFalse(message.contains("Exception"), "no Java class names: " + message);
        assertEquals(200, server.get("/health").status(), "server still serving");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertError(server.post("/api/pages", "{\"slug\": \"x\",\n \"title\": }"), 400, "malformed-json", "line 2");
    }

    @Test
    void trailingGarbageIsMalformed() {
        assertError(server.post("/api/pages", "{\"slug\": \"x\"} {}"), 400, "malformed-json", "not valid JSON");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertError(server.post("/api/pages", "[1,2,3]"), 400, "not-an-object", "an array");
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertError(server.post("/api/pages", ""), 400, "empty-body", "no body");
    }

    @Test
    void deepJsonIsRefusedBeforeItIsBuilt() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertError(server.post("/api/pages", deep), 400, "too-deep", "nested deeper than");
    }

    @Test
    void anOversizeBodyIs413() {
        String huge = "{\"title\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        assertError(server.post("/api/pages", huge), 413, "body-too-large", "larger than the server accepts");
    }

    @Test
    void aWrongContentTypeIs415() {
        assertError(
                server.send(
                        "POST", "/api/pages", "slug=x".getBytes(), "Content-Type", "application/x-www-form-urlencoded"),
                415,
                "unsupported-media-type",
                "application/json");
    }

    @Test
    void anUnknownRouteIsAJson404() {
        assertError(server.get("/api/nothing-here"), 404, "http-404", "Nothing is served");
    }

    @Test
    void aBadIfMatchSaysWhatToSend() {
        assertError(server.put("/api/pages/pg_x", "{}", "If-Match", "banana"), 400, "bad-if-match", "If-Match");
    }

    @Test
    void aBadLimitSaysTheRange() {
        assertError(server.get("/api/pages?limit=0"), 400, "out-of-range", "between 1 and 1000");
    }
}
