package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code AUTH=tokens}, the builder asks for a token once; the page list, the editor and its previews get in with the cookie. */
class BuilderLoginBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void theBuilderAsksForATokenAndThenWorksPreviewIncluded() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            var created = server.post(
                    "/api/pages",
                    Map.of(
                            "slug",
                            "locked",
                            "title",
                            "Locked venue",
                            "components",
                            List.of(Map.of(
                                    "id",
                                    "t1",
                                    "type",
                                    "rich-text",
                                    "version",
                                    2,
                                    "props",
                                    Map.of("text", "Members only"),
                                    "children",
                                    List.of()))),
                    "Authorization",
                    "Bearer " + admin);
            assertEquals(201, created.status(), created.toString());

            try (Chromium chromium = Chromium.start(1280, 900)) {
                // answers the builder's token prompt as an operator would
                chromium.send("Page.enable", Map.of());
                chromium.send(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                "window.prompt = () => { window.asked = (window.asked || 0) + 1; return "
                                        + TestServer.MAPPER.writeValueAsString(admin) + "; };"));
                chromium.open("http://127.0.0.1:" + server.port() + "/builder/");
                chromium.waitUntil(
                        "[...document.querySelectorAll('.pages-table a')].some(a => a.textContent === 'Locked venue')");
                assertEquals(
                        0,
                        chromium.eval("document.querySelectorAll('#app .loading').length")
                                .asInt(),
                        "the page's loading placeholder is gone once the list is drawn");
                chromium.eval(
                        "[...document.querySelectorAll('.pages-table a')].find(a => a.textContent === 'Locked venue').click(), true");
                // the previews are rendered from the document in the browser by POST /api/preview, a change
                // that needs the session cookie and its CSRF token
                chromium.waitUntil(
                        "document.querySelectorAll('.preview-frame').length === 3"
                                + " && [...document.querySelectorAll('.preview-frame')].every(f => f.contentDocument?.documentElement?.outerHTML.includes('Members only'))");
                assertEquals(1, chromium.eval("window.asked").asInt(), "asked once; the cookie does the rest");
                assertTrue(
                        chromium.eval(
                                        "[...document.querySelectorAll('.tree-item .text')].some(e => e.textContent === 'Members only')")
                                .asBoolean(),
                        "the tree shows the page read with the cookie");
                assertEquals(
                        "", chromium.eval("document.cookie").asText(), "the token cookie is out of reach of scripts");
            }
        }
    }
}
