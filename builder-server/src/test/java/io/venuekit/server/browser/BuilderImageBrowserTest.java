package io.venuekit.server.browser;

import static io.venuekit.server.browser.LibraryBrowserTest.PIPELINE;
import static io.venuekit.server.browser.LibraryBrowserTest.jpeg;
import static io.venuekit.server.browser.LibraryBrowserTest.scene;
import static io.venuekit.server.browser.LibraryBrowserTest.uploadAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 in the builder, in Chromium: the hero banner's image field is the library's picker. An
 * operator picks an uploaded picture, sees the 2:1 crop in the field, drags a focus box, and the
 * draft preview shows this use's own crop at once while the live page keeps its picture until
 * Publish.
 */
class BuilderImageBrowserTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(ServerConfig.forTests(dataDir).withSeedSample(true));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String q(String text) throws Exception {
        return TestServer.MAPPER.writeValueAsString(text);
    }

    private static String heroUrl(JsonNode payload) {
        for (JsonNode c : payload.path("components")) {
            if ("hero".equals(c.path("id").asText())) {
                return c.path("props").path("image").path("url").asText();
            }
        }
        throw new AssertionError("no hero in " + payload);
    }

    private static String liveHero(String slug) {
        TestServer.Response live = server.get("/v1/venues/" + slug + "/layout");
        assertEquals(200, live.status(), live.toString());
        return heroUrl(live.json());
    }

    private static JsonNode draftHero(String pageId) {
        for (JsonNode c : server.get("/api/pages/" + pageId).json().path("components")) {
            if ("hero".equals(c.path("id").asText())) {
                return c.path("props").path("image");
            }
        }
        throw new AssertionError("no hero in page " + pageId);
    }

    @Test
    void anOperatorPicksAnImageSetsAFocusBoxAndOnlyPublishingChangesTheLivePage(TestInfo info) throws Exception {
        String asset = uploadAndWait(server, jpeg(scene(21, "HERO")));
        JsonNode sample = server.get("/api/pages").json().at("/pages/0");
        ObjectNode doc = TestServer.MAPPER.createObjectNode();
        doc.put("slug", "image-field");
        doc.put("title", "Image field");
        doc.set("components", sample.path("components").deepCopy());
        TestServer.Response created = server.post("/api/pages", doc);
        assertEquals(201, created.status(), created.toString());
        String pageId = created.json().path("id").asText();
        assertEquals(201, server.post("/api/pages/" + pageId + "/publish", null).status());
        // the sample's hero has a focus of its own: once its use crop is made the live page names it
        String settled = liveHero("image-field");
        for (int i = 0; i < 300 && !settled.contains("-use/"); i++) {
            Thread.sleep(100);
            settled = liveHero("image-field");
        }
        String liveBefore = settled;
        assertTrue(liveBefore.contains("-use/"), liveBefore);
        assertFalse(liveBefore.contains(asset), liveBefore);

        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open(base + "/builder/?page=" + pageId);
                        chromium.waitUntil("document.querySelectorAll('.tree-item').length > 20");
                        chromium.waitUntil("document.querySelectorAll('#previews .budget').length === 3");
                        chromium.click(".tree-item[data-id=\"hero\"] > .node > .node-label");
                        String field = "#field-image-picker";
                        chromium.waitFor(
                                PIPELINE,
                                () -> "ready"
                                        .equals(chromium.evalQuietly(
                                                        "document.querySelector('" + field + "')?.dataset.state")
                                                .asText("")));
                        assertEquals(
                                "2:1",
                                chromium.eval("document.querySelector('" + field + "').getAttribute('aspect')")
                                        .asText(),
                                "the slot's shape comes from the hero banner's schema");

                        // pick the uploaded picture from the library
                        chromium.click(field + " .vkp-choose");
                        String option = field + " .vkp-dialog .vkp-option[data-id=" + q(asset) + "]";
                        chromium.waitUntil("!!document.querySelector(" + q(option) + ")");
                        chromium.click(option);
                        chromium.waitFor(
                                PIPELINE,
                                () -> "ready"
                                        .equals(chromium.evalQuietly(
                                                        "document.querySelector('" + field + "').dataset.state")
                                                .asText("")));
                        chromium.waitFor(() ->
                                asset.equals(draftHero(pageId).path("asset").asText()));
                        JsonNode picked = draftHero(pageId);
                        assertTrue(
                                picked.path("focus").isMissingNode(), "a new pick has no focus of its own: " + picked);
                        assertEquals(
                                "Double 11 global shopping festival",
                                picked.path("alt").asText(),
                                "the alt text stays");

                        // the field shows the 2:1 crop
                        assertEquals(
                                "server",
                                chromium.eval("document.querySelector('" + field + "').dataset.crop")
                                        .asText());
                        JsonNode crop = chromium.eval(
                                "JSON.parse(document.querySelector('" + field + " .vkp-crop').dataset.crop)");
                        assertEquals(
                                2.0,
                                crop.path("width").asDouble()
                                        / crop.path("height").asDouble(),
                                0.02,
                                "a 2:1 window: " + crop);
                        chromium.waitFor(() -> chromium.evalQuietly("[...document.querySelectorAll('.preview-frame')]"
                                        + ".every(f => f.contentDocument?.documentElement?.outerHTML.includes('/assets/"
                                        + asset + "'))")
                                .asBoolean(false));
                        String previewBefore = chromium.eval(
                                        "document.querySelector('.preview-frame').contentDocument.documentElement.outerHTML")
                                .asText();
                        assertFalse(
                                previewBefore.contains("/assets/" + asset + "-use/"),
                                "no use crop before a focus is set");

                        // drag a focus box over the picture
                        chromium.click(field + " .vkp-focus-toggle");
                        chromium.waitUntil("!!document.querySelector('" + field + " .vkp-focus .vk-source')");
                        double[] from = chromium.pointIn(field + " .vkp-focus .vk-source", 0.6, 0.55);
                        double[] to = chromium.pointIn(field + " .vkp-focus .vk-source", 0.9, 0.85);
                        chromium.drag(from[0], from[1], to[0], to[1]);
                        chromium.waitFor(() -> draftHero(pageId).path("focus").has("w"));
                        JsonNode focus = draftHero(pageId).path("focus");
                        assertEquals(0.6, focus.path("x").asDouble(), 0.03, focus.toString());
                        assertEquals(0.3, focus.path("w").asDouble(), 0.03, focus.toString());
                        assertEquals(
                                "Double 11 global shopping festival",
                                draftHero(pageId).path("alt").asText());
                        chromium.waitFor(
                                PIPELINE,
                                () -> "server"
                                        .equals(chromium.evalQuietly(
                                                        "document.querySelector('" + field + "').dataset.crop")
                                                .asText("")));

                        // the draft preview shows this use's crop; the live page does not change
                        chromium.waitFor(
                                PIPELINE,
                                () -> chromium.evalQuietly("[...document.querySelectorAll('.preview-frame')]"
                                                + ".every(f => f.contentDocument?.documentElement?.outerHTML.includes('/assets/"
                                                + asset + "-use/'))")
                                        .asBoolean(false));
                        chromium.waitUntil(
                                "/^(Saved|Merged)/.test(document.getElementById('save-status').textContent)");
                        assertEquals(liveBefore, liveHero("image-field"), "a draft edit leaves the live page alone");

                        chromium.click("#publish");
                        chromium.waitUntil("document.getElementById('save-status').textContent === 'Published v2'");
                        long deadline = System.nanoTime() + PIPELINE.toNanos();
                        String liveAfter = liveHero("image-field");
                        while (!liveAfter.startsWith("/assets/" + asset + "-use/") && System.nanoTime() < deadline) {
                            Thread.sleep(200);
                            liveAfter = liveHero("image-field");
                        }
                        assertTrue(
                                liveAfter.startsWith("/assets/" + asset + "-use/"),
                                "published: the live page shows this use's crop: " + liveAfter);
                    },
                    chromium);
        }
    }
}
