package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed sign-ins and bad tokens are limited per address and per account. */
class SignInLimitTest {

    @TempDir
    Path dataDir;

    @Test
    void fiveHundredBadTokensAreNotAllAnswered401() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            int unauthorized = 0;
            int limited = 0;
            Response last = null;
            for (int i = 0; i < 500; i++) {
                last = server.get("/api/pages", "Authorization", "Bearer vk_guess" + i);
                if (last.status() == 401) {
                    unauthorized++;
                } else if (last.status() == 429) {
                    limited++;
                }
            }
            assertEquals(500, unauthorized + limited);
            assertTrue(unauthorized <= 10, unauthorized + " guesses were checked");
            assertEquals(429, last.status());
            int retryAfter = Integer.parseInt(last.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
            assertTrue(last.json().at("/error/message").asText().contains("try again in"), last.toString());
            assertEquals(
                    429,
                    server.get("/api/pages", "Authorization", "Bearer " + admin).status(),
                    "the address is held off whatever token it tries next");
            assertEquals(200, server.get("/health").status(), "the phones' and health routes need no sign-in");
        }
    }
}
