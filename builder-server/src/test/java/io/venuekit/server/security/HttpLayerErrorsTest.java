package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors raised by the HTTP layer itself (414, 431, a broken request line) carry the JSON error body too. */
class HttpLayerErrorsTest {

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

    private static void assertJsonError(RawHttp.Answer answer, int status, String code) {
        assertTrue(answer.answered(), answer.toString());
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.head().toLowerCase().contains("content-type: application/json"), answer.head());
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.body());
        assertEquals(200, server.get("/health").status());
    }

    @Test
    void anOverlongAddressIs414WithABody() throws Exception {
        assertJsonError(
                RawHttp.get(server.port(), "/v1/venues/" + "a".repeat(10_000) + "/layout"), 414, "uri-too-long");
    }

    @Test
    void overlargeHeadersAre431WithABody() throws Exception {
        assertJsonError(
                RawHttp.get(server.port(), "/health", "X-Big: " + "b".repeat(20_000)), 431, "headers-too-large");
    }

    @Test
    void aBrokenRequestLineIs400WithABody() throws Exception {
        assertJsonError(
                RawHttp.send(
                        server.port(),
                        "GET /health HTTP/1.1 extra words\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                        5000),
                400,
                "bad-request");
    }
}
