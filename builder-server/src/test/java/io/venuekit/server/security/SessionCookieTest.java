package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 with {@code AUTH=tokens}: the cookie held the long-lived API token, never expired, was
 * never Secure, had no log-out, and a plain form post with it published.
 */
class SessionCookieTest {

    @TempDir
    Path dataDir;

    @Test
    void theCookieHoldsAnExpiringSessionIdAndChangesNeedItsCsrfToken() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            String id = SecurityFixtures.published(server, "sessions", "Authorization", "Bearer " + admin);

            Response signIn = server.post("/api/session", Map.of("token", admin), "Sec-Fetch-Site", "same-origin");
            assertEquals(200, signIn.status(), signIn.toString());
            String csrf = signIn.json().path("csrf").asText();
            assertTrue(csrf.length() > 40, signIn.toString());
            String setCookie = signIn.header("Set-Cookie");
            assertNotNull(setCookie);
            assertFalse(setCookie.contains(admin), "the API token never goes into a cookie: " + setCookie);
            assertTrue(
                    setCookie.toLowerCase().contains("httponly")
                            && setCookie.contains("SameSite=Strict")
                            && setCookie.contains("Max-Age="),
                    setCookie);
            assertFalse(setCookie.contains("Secure"), "plain http on loopback: " + setCookie);
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            assertEquals(200, server.get("/api/pages", "Cookie", cookie).status(), "the cookie signs reads in");
            Response who = server.get("/api/session", "Cookie", cookie);
            assertEquals("admin", who.json().path("name").asText(), who.toString());
            assertEquals(csrf, who.json().path("csrf").asText(), "the page can ask for its token again after a reload");
            assertEquals("tokens", who.json().path("auth").asText(), who.toString());
            assertEquals(25L * 1024 * 1024, who.json().path("maxUploadBytes").asLong(), who.toString());

            Response formPost = server.post(
                    "/api/pages/" + id + "/publish",
                    "",
                    "Cookie",
                    cookie,
                    "Content-Type",
                    "application/x-www-form-urlencoded");
            assertEquals(403, formPost.status(), "a post with only the cookie changes nothing: " + formPost);
            assertEquals("csrf-token", formPost.json().at("/error/code").asText());
            Response withToken =
                    server.post("/api/pages/" + id + "/publish", null, "Cookie", cookie, "X-CSRF-Token", csrf);
            assertEquals(201, withToken.status(), withToken.toString());

            Response out = server.delete("/api/session", "Cookie", cookie, "X-CSRF-Token", csrf);
            assertEquals(204, out.status(), out.toString());
            assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
            Response after = server.get("/api/pages", "Cookie", cookie);
            assertEquals(401, after.status(), "signed out means signed out: " + after);
            assertEquals("session-ended", after.json().at("/error/code").asText());

            Response overHttps = server.post("/api/session", Map.of("token", admin), "X-Forwarded-Proto", "https");
            assertTrue(overHttps.header("Set-Cookie").contains("Secure"), overHttps.header("Set-Cookie"));
        }
    }

    @Test
    void aSessionMadeBeforeARestartStillWorksAndTheBearerTokenNeedsNoCsrf() throws Exception {
        String cookie;
        String admin;
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            admin = Files.readString(dataDir.resolve("admin-token")).trim();
            Response signIn = server.post("/api/session", Map.of("token", admin));
            cookie = signIn.header("Set-Cookie")
                    .substring(0, signIn.header("Set-Cookie").indexOf(';'));
        }
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            assertEquals(200, server.get("/api/pages", "Cookie", cookie).status(), "sessions live in the database");
            Response created =
                    server.post("/api/pages", SecurityFixtures.page("bearer"), "Authorization", "Bearer " + admin);
            assertEquals(201, created.status(), created.toString());
        }
    }
}
