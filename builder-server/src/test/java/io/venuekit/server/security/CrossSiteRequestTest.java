package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 with {@code AUTH=gateway} (the default): any website could drive a local instance,
 * with {@code text/plain; x=json} bodies and body-less form posts.
 */
class CrossSiteRequestTest {

    @TempDir
    static Path dataDir;

    static TestServer server;
    static String pageId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        pageId = SecurityFixtures.published(server, "csrf");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int versions() {
        return server.get("/api/pages/" + pageId + "/versions")
                .json()
                .path("versions")
                .size();
    }

    @Test
    void jsonMustBeSentAsApplicationJson() {
        String body = SecurityFixtures.page("plain").toString();
        for (String type : new String[] {
            "text/plain; x=json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=json",
            "application/jsonp",
            "text/json"
        }) {
            Response r = server.post("/api/pages", body, "Content-Type", type);
            assertEquals(415, r.status(), type + ": " + r);
            assertTrue(r.json().at("/error/message").asText().contains("application/json"), r.toString());
        }
        assertEquals(
                201,
                server.post("/api/pages", body, "Content-Type", "application/json; charset=utf-8")
                        .status());
    }

    @Test
    void aCrossSitePostWithoutABodyPublishesNothing() {
        int before = versions();
        Response bySite = server.post(
                "/api/pages/" + pageId + "/publish",
                "",
                "Content-Type",
                "text/plain",
                "Sec-Fetch-Site",
                "cross-site",
                "Origin",
                "https://evil.example");
        assertEquals(403, bySite.status(), bySite.toString());
        assertEquals("cross-site-request", bySite.json().at("/error/code").asText());
        Response sameSite = server.post("/api/pages/" + pageId + "/publish", null, "Sec-Fetch-Site", "same-site");
        assertEquals(403, sameSite.status(), "another port or subdomain is another origin: " + sameSite);
        Response byOldBrowser = server.post("/api/pages/" + pageId + "/publish", null, "Origin", "http://evil.example");
        assertEquals(403, byOldBrowser.status(), "without Sec-Fetch-Site the Origin decides: " + byOldBrowser);
        Response nullOrigin = server.post("/api/pages/" + pageId + "/publish", null, "Origin", "null");
        assertEquals(403, nullOrigin.status(), nullOrigin.toString());
        assertEquals(before, versions(), "nothing was published");
    }

    @Test
    void theServersOwnPagesNeedTheCsrfTokenAndAppsNeedNothing() {
        int before = versions();
        String origin = "http://127.0.0.1:" + server.port();
        Response withoutToken = server.post(
                "/api/pages/" + pageId + "/publish", null, "Sec-Fetch-Site", "same-origin", "Origin", origin);
        assertEquals(403, withoutToken.status(), withoutToken.toString());
        assertEquals("csrf-token", withoutToken.json().at("/error/code").asText());

        Response session = server.get("/api/session", "Sec-Fetch-Site", "same-origin");
        assertEquals(200, session.status(), session.toString());
        String csrf = session.json().path("csrf").asText();
        String cookie = session.header("Set-Cookie");
        assertTrue(
                cookie.startsWith("vk_csrf=")
                        && cookie.toLowerCase().contains("httponly")
                        && cookie.contains("SameSite=Strict"),
                cookie);
        String cookiePair = cookie.substring(0, cookie.indexOf(';'));

        Response wrong = server.post(
                "/api/pages/" + pageId + "/publish",
                null,
                "Sec-Fetch-Site",
                "same-origin",
                "Origin",
                origin,
                "Cookie",
                cookiePair,
                "X-CSRF-Token",
                "vk_" + "0".repeat(64));
        assertEquals(403, wrong.status(), wrong.toString());
        Response right = server.post(
                "/api/pages/" + pageId + "/publish",
                null,
                "Sec-Fetch-Site",
                "same-origin",
                "Origin",
                origin,
                "Cookie",
                cookiePair,
                "X-CSRF-Token",
                csrf);
        assertEquals(201, right.status(), right.toString());

        Response app = server.post("/api/pages/" + pageId + "/publish", null);
        assertEquals(201, app.status(), "an app or script sends no Origin and keeps working: " + app);
        assertEquals(before + 2, versions());
    }

    @Test
    void readsFromOtherSitesAreNotRefused() {
        Response r = server.get("/api/pages", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example");
        assertEquals(200, r.status(), "a GET changes nothing (and without CORS headers the page cannot read it)");
        assertEquals(null, r.header("Access-Control-Allow-Origin"));
    }
}
