package io.venuekit.server.browser;

import static io.venuekit.server.browser.LibraryBrowserTest.PIPELINE;
import static io.venuekit.server.browser.LibraryBrowserTest.count;
import static io.venuekit.server.browser.LibraryBrowserTest.jpeg;
import static io.venuekit.server.browser.LibraryBrowserTest.onFailureScreenshot;
import static io.venuekit.server.browser.LibraryBrowserTest.open;
import static io.venuekit.server.browser.LibraryBrowserTest.scene;
import static io.venuekit.server.browser.LibraryBrowserTest.text;
import static io.venuekit.server.browser.LibraryBrowserTest.uploadAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's last gaps in Chromium: the image's page shows the whole-picture file, the image field
 * shows the crop the server made for this use's focus, and the asset-wide focus can be cleared.
 */
class LibraryFocusBrowserTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(ServerConfig.forTests(dataDir));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theImagesPageShowsTheWholePictureFromItsOwnFile(TestInfo test) throws Exception {
        String id = uploadAndWait(server, jpeg(scene(11, "WHOLE")));
        JsonNode original = server.get("/api/assets/" + id).json().path("original");
        assertTrue(original.path("url").isTextual(), "the manifest names the whole picture: " + original);
        try (Chromium chromium = open(base + "/library/#/asset/" + id)) {
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> count(chromium, "#vk-source img.vk-whole") == 1);
                assertEquals(1, count(chromium, "#vk-source img"), "one picture, not a mosaic of crops");
                assertEquals(
                        original.path("url").asText(),
                        chromium.eval("document.querySelector('#vk-source img.vk-whole').getAttribute('src')")
                                .asText());
                chromium.waitFor(() -> chromium.evalQuietly(
                                "(() => { const i = document.querySelector('#vk-source img.vk-whole');"
                                        + " return i.complete && i.naturalWidth > 0; })()")
                        .asBoolean(false));
                assertEquals(
                        original.path("width").asInt(),
                        chromium.eval("document.querySelector('#vk-source img.vk-whole').naturalWidth")
                                .asInt());
                assertEquals(
                        "1",
                        chromium.eval("document.getElementById('vk-source').dataset.covered")
                                .asText());
                assertFalse(text(chromium, ".vk-picture").contains("shown from its crops"), "no mosaic note");
                assertEquals(
                        0,
                        chromium.eval("window.vkCsp.length").asInt(),
                        "no CSP violations: " + chromium.eval("window.vkCsp"));
            });
        }
    }

    @Test
    void theImageFieldShowsTheServersCropForThisUsesFocus(TestInfo test) throws Exception {
        String id = uploadAndWait(server, jpeg(scene(12, null)));
        try (Chromium chromium = open(base + "/library/picker.html")) {
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> count(chromium, "vk-image-picker .vkp-choose") == 1);
                chromium.eval("document.getElementById('hero').value = {asset: '" + id + "', focus: null}");
                chromium.waitFor(() -> "ready"
                        .equals(chromium.evalQuietly("document.getElementById('hero').dataset.state")
                                .asText("")));
                chromium.eval("document.querySelector('#hero .vkp-focus-toggle').click()");
                chromium.waitFor(() -> count(chromium, "#hero .vkp-focus .vk-source") == 1);
                double[] at = chromium.pointIn("#hero .vkp-focus .vk-source", 0.85, 0.9);
                chromium.drag(at[0], at[1], at[0], at[1]);
                chromium.waitFor(
                        () -> chromium.evalQuietly("window.vkEvents.length").asInt(0) == 1);
                JsonNode focus = chromium.eval("window.vkEvents[0].focus");
                assertEquals(0.85, focus.path("x").asDouble(), 0.01, focus.toString());

                chromium.waitFor(
                        PIPELINE,
                        () -> "server"
                                .equals(chromium.evalQuietly("document.getElementById('hero').dataset.crop")
                                        .asText("")));
                String query = String.format(
                        Locale.ROOT,
                        "?x=%s&y=%s",
                        focus.path("x").asText(),
                        focus.path("y").asText());
                TestServer.Response answer = server.get("/api/assets/" + id + "/crops/2:1" + query);
                assertEquals(200, answer.status(), answer.toString());
                JsonNode planned = answer.json().path("crop");
                JsonNode shown = chromium.eval("JSON.parse(document.querySelector('#hero .vkp-crop').dataset.crop)");
                for (String k : List.of("x", "y", "width", "height")) {
                    assertEquals(
                            planned.path(k).asInt(),
                            shown.path(k).asInt(),
                            "the field shows the server's 2:1 crop: " + shown);
                }
                String src = chromium.eval("document.querySelector('#hero .vkp-crop img').getAttribute('src')")
                        .asText();
                assertTrue(src.startsWith("/assets/" + id + "-use/"), "the file made for this use: " + src);
                boolean listed = false;
                for (JsonNode v : answer.json().path("variants")) {
                    listed |= v.path("url").asText().equals(src);
                }
                assertTrue(listed, src + " among " + answer.json().path("variants"));
                JsonNode window =
                        chromium.eval("(() => { const r = document.querySelector('#hero .vkp-focus .vk-crop-window');"
                                + " return {x: +r.getAttribute('x'), w: +r.getAttribute('width')}; })()");
                assertEquals(
                        planned.path("x").asDouble(),
                        window.path("x").asDouble(),
                        0.5,
                        "the editor outlines the same window");
                assertEquals(planned.path("width").asDouble(), window.path("w").asDouble(), 0.5);
                assertTrue(
                        text(chromium, "#hero .vkp-note").contains("the server made"),
                        text(chromium, "#hero .vkp-note"));
                assertEquals(
                        0,
                        chromium.eval("window.vkCsp.length").asInt(),
                        "no CSP violations: " + chromium.eval("window.vkCsp"));
            });
        }
        assertTrue(
                server.get("/api/assets/" + id).json().path("focus").isNull(),
                "a use's focus leaves the asset's own alone");
    }

    @Test
    void theAssetWideFocusCanBeClearedAfterAWarning(TestInfo test) throws Exception {
        String id = uploadAndWait(server, jpeg(scene(13, null)));
        TestServer.Response focused = server.put("/api/assets/" + id + "/focus", Map.of("x", 0.1, "y", 0.1));
        assertEquals(202, focused.status(), focused.toString());
        awaitReady(id);
        Map<String, Object> banner = Map.of(
                "id",
                "hero",
                "type",
                "hero-banner",
                "version",
                2,
                "props",
                Map.of("title", "Autumn", "image", Map.of("asset", id)),
                "children",
                List.of());
        TestServer.Response page = server.post(
                "/api/pages", Map.of("slug", "autumn-live", "title", "Autumn live", "components", List.of(banner)));
        assertEquals(
                201,
                server.post("/api/pages/" + page.json().path("id").asText() + "/publish", null)
                        .status());
        try (Chromium chromium = open(base + "/library/#/asset/" + id)) {
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> count(chromium, "#vk-focus-clear") == 1);
                assertFalse(
                        chromium.eval("document.getElementById('vk-focus-clear').hidden")
                                .asBoolean(),
                        "there is a focus to clear");
                assertTrue(
                        text(chromium, "#vk-focus-text").startsWith("Focus point"), text(chromium, "#vk-focus-text"));
                chromium.click("#vk-focus-clear");
                chromium.waitFor(() -> chromium.evalQuietly("document.getElementById('vk-confirm')?.open")
                        .asBoolean(false));
                assertTrue(
                        text(chromium, "#vk-confirm").contains("live, published pages"), text(chromium, "#vk-confirm"));
                chromium.waitFor(() -> count(chromium, "#vk-uses li") == 1);
                assertEquals("Autumn live (autumn-live) v1", text(chromium, "#vk-uses li"));
                assertTrue(
                        server.get("/api/assets/" + id).json().path("focus").isObject(),
                        "nothing cleared before asking");
                chromium.eval("document.getElementById('vk-confirm-yes').click()");
                chromium.waitFor(() ->
                        server.get("/api/assets/" + id).json().path("focus").isNull());
                chromium.waitFor(() -> text(chromium, ".vk-asset-status").contains("Focus cleared")
                        && text(chromium, ".vk-asset-status").contains("Autumn live (autumn-live) v1"));
                chromium.waitFor(
                        PIPELINE,
                        () -> text(chromium, ".vk-facts").contains("Ready")
                                && server.get("/api/assets/" + id)
                                        .json()
                                        .path("appliedFocus")
                                        .isNull());
                chromium.waitFor(() -> chromium.evalQuietly("document.getElementById('vk-focus-clear').hidden")
                        .asBoolean(false));
                assertTrue(
                        text(chromium, "#vk-focus-text").startsWith("No focus set"), text(chromium, "#vk-focus-text"));
                assertEquals(
                        0,
                        chromium.eval("window.vkCsp.length").asInt(),
                        "no CSP violations: " + chromium.eval("window.vkCsp"));
            });
        }
    }

    private static void awaitReady(String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode asset = server.get("/api/assets/" + id).json();
            if ("ready".equals(asset.path("status").asText())
                    && asset.path("appliedFocus").isObject()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("asset " + id + " never took its focus");
    }
}
