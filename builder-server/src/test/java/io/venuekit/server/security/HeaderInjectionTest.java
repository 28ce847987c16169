package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finding 1: {@code ?tier=} was copied into {@code X-Device-Reasons}; a control character made the
 * header write throw, and the request was never answered (uncached) or answered 500 (cached).
 */
class HeaderInjectionTest {

    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        SecurityFixtures.published(server, "night");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%0aX",
                "%0d%0aSet-Cookie:%20a=b",
                "%00",
                "%0b",
                "%0c",
                "%7f",
                "low%0a",
                "LOW",
                "ultra",
                "%E2%80%A8"
            })
    void aTierWithControlCharactersIsRefusedNotHung(String tier) throws Exception {
        for (String path : new String[] {"/v1/venues/night/layout", "/venues/night"}) {
            for (int round = 0; round < 2; round++) { // uncached, then after a cached copy exists
                server.get(path + "?tier=low");
                RawHttp.Answer answer = RawHttp.get(server.port(), path + "?tier=" + tier);
                assertTrue(answer.answered(), path + "?tier=" + tier + ": " + answer);
                assertEquals(400, answer.status(), answer.toString());
                assertTrue(answer.body().contains("\"code\":\"bad-tier\""), answer.body());
                assertFalse(answer.head().toLowerCase().contains("set-cookie"), answer.head());
            }
        }
        assertEquals(200, server.get("/v1/venues/night/layout?tier=low").status(), "still serving");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F\u000b) Chrome/79.0 Mobile", "\u007f\u0001Phone"})
    void controlCharactersInAUserAgentNeverReachAResponseHeaderRaw(String agent) throws Exception {
        RawHttp.Answer answer = RawHttp.get(server.port(), "/v1/venues/night/layout", "User-Agent: " + agent);
        assertTrue(answer.answered(), answer.toString());
        assertTrue(answer.status() == 200 || answer.status() == 400, answer.toString());
        for (String line : answer.head().split("\r\n")) {
            for (char c : line.toCharArray()) {
                assertTrue(c >= 0x20 && c < 0x7f, "a control character in " + line);
            }
        }
    }
}
