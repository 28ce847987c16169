package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every response says nosniff; every HTML page has a policy without inline scripts, and the preview is sandboxed. */
class SecurityHeadersTest {

    @TempDir
    static Path dataDir;

    static TestServer server;
    static String pageId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        pageId = SecurityFixtures.published(server, "headers");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyResponseSaysNosniff() {
        for (Response r : new Response[] {
            server.get("/health"),
            server.get("/v1/venues/headers/layout"),
            server.get("/nowhere"),
            server.get("/api/pages"),
            server.post("/api/pages", "{"),
            server.get("/builder/"),
            server.get("/venues/headers")
        }) {
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.toString());
        }
    }

    @Test
    void theBuilderAllowsOnlyItsOwnScriptFiles() {
        Response r = server.get("/builder/");
        assertEquals(200, r.status());
        String csp = r.header("Content-Security-Policy");
        assertNotNull(csp);
        String scripts = directive(csp, "script-src");
        assertEquals("'self'", scripts, csp);
        assertTrue(csp.contains("frame-ancestors 'self'"), csp);
        assertNotNull(r.header("Referrer-Policy"));
        assertFalse(r.text().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script in the builder page");
        assertFalse(r.text().matches("(?s).*\\son[a-z]+=\".*"), "no inline event handlers");
    }

    @Test
    void theVenuePageAllowsItsOwnScriptByHashAndNoOtherInlineScript() throws Exception {
        Response r = server.get("/venues/headers?tier=high");
        assertEquals(200, r.status(), r.toString());
        String csp = r.header("Content-Security-Policy");
        Matcher script =
                Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(r.text());
        assertTrue(script.find(), "the high tier has its countdown script");
        String hash = "'sha256-"
                + Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)))
                + "'";
        assertEquals(
                "'self' " + hash,
                directive(csp, "script-src"),
                "this origin's files (the probe) and the countdown by hash: " + csp);
        assertFalse(
                csp.contains("unsafe-inline'") && directive(csp, "script-src").contains("unsafe-inline"), csp);
    }

    @Test
    void theDraftPreviewIsSandboxedEvenWhenOpenedDirectly() {
        Response r = server.get("/api/pages/" + pageId + "/preview?tier=low&format=html");
        assertEquals(200, r.status(), r.toString());
        String csp = r.header("Content-Security-Policy");
        assertTrue(csp.startsWith("sandbox"), csp);
        assertEquals("'none'", directive(csp, "default-src"), csp);
    }

    @Test
    void theUnsavedDocumentPreviewRendersEachTierAndRefusesBadDocuments() {
        String doc = SecurityFixtures.page("unsaved").toString().replace("Hello", "Fresh text");
        for (String tier : new String[] {"low", "mid", "high"}) {
            Response json = server.post("/api/preview?tier=" + tier, doc);
            assertEquals(200, json.status(), json.toString());
            assertEquals(tier, json.json().at("/device/tier").asText());
            assertTrue(json.text().contains("Fresh text"), json.toString());
            Response both = server.post("/api/preview?tier=" + tier + "&format=both", doc);
            assertTrue(both.json().path("html").asText().contains("Fresh text"), both.toString());
            assertEquals(tier, both.json().at("/layout/device/tier").asText());
        }
        Response broken = server.post(
                "/api/preview?tier=low", "{\"slug\": \"x\", \"title\": \"x\", \"components\": [{\"type\": 5}]}");
        assertEquals(400, broken.status(), broken.toString());
        assertTrue(
                broken.json().at("/error/faults").toString().contains("\"pointer\":\"/components/0/type\""),
                broken.toString());
        assertEquals(400, server.post("/api/preview?tier=ultra", doc).status());
        assertEquals(404, server.get("/v1/venues/unsaved/layout").status(), "a preview stores nothing");
    }

    private static String directive(String csp, String name) {
        for (String part : csp.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + " ")) {
                return p.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
