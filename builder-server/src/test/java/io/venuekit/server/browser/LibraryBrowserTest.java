package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asset library (/library/) and the image field (/library/picker.html) in Chromium, behind a
 * gateway (AUTH=gateway): uploads by drag and drop, refusals in the merchant's words, an image's
 * page with its crops and detections, the asset-wide focus editor and the per-use focus picker.
 * A failing test leaves a screenshot under the build directory's browser-screenshots/.
 */
class LibraryBrowserTest {

    /** How long the pipeline may take for a few small pictures on a busy, shared machine. */
    static final Duration PIPELINE = Duration.ofSeconds(180);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path files;

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
    void twoDroppedFilesEachShowProgressUntilReadyAndOneOpensWithItsCropsAndDetections(TestInfo test) throws Exception {
        Path beach = write("beach.jpg", jpeg(scene(1, "SUMMER SALE")));
        Path shop = write("shop front.png", png(scene(2, null)));
        try (Chromium chromium = open(base + "/library/")) {
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> !text(chromium, ".vk-count").isEmpty()
                        && !text(chromium, ".vk-count").equals("Loading…"));
                chromium.dropFiles("#vk-dropzone", List.of(beach, shop));
                chromium.waitFor(() -> count(chromium, "#vk-uploads .vk-upload progress") == 2);
                chromium.waitFor(
                        PIPELINE,
                        () -> count(chromium, "#vk-uploads .vk-upload[data-state=ready]") == 2
                                || count(chromium, "#vk-uploads .vk-upload[data-state=refused]") > 0);
                assertEquals(
                        2, count(chromium, "#vk-uploads .vk-upload[data-state=ready]"), text(chromium, "#vk-uploads"));
                assertEquals(
                        List.of("shop front.png", "beach.jpg"),
                        strings(
                                chromium,
                                "[...document.querySelectorAll('#vk-uploads .vk-upload-name')].map(e => e.textContent)"));
                assertEquals(
                        List.of(1.0, 1.0),
                        doubles(chromium, "[...document.querySelectorAll('#vk-uploads progress')].map(p => p.value)"),
                        "each bar reached the end");

                List<String> ids = strings(
                        chromium, "[...document.querySelectorAll('#vk-uploads .vk-upload')].map(r => r.dataset.asset)");
                assertEquals(2, new HashSet<>(ids).size(), "two assets: " + ids);
                for (String uploaded : ids) {
                    assertEquals(
                            "ready",
                            server.get("/api/assets/" + uploaded)
                                    .json()
                                    .path("status")
                                    .asText());
                    chromium.waitFor(() ->
                            count(chromium, "#vk-grid .vk-card[data-id='" + uploaded + "'][data-phase=ready]") == 1);
                }
                List<String> newestFirst = new java.util.ArrayList<>(ids);
                newestFirst.sort(java.util.Comparator.comparing((String a) -> server.get("/api/assets/" + a)
                                .json()
                                .path("createdAt")
                                .asText())
                        .reversed());
                assertEquals(
                        newestFirst,
                        strings(
                                chromium,
                                "[...document.querySelectorAll('#vk-grid .vk-card')].map(c => c.dataset.id)"
                                        + ".filter(c => " + quote(String.join(",", ids)) + ".split(',').includes(c))"),
                        "newest first");
                assertEquals(
                        List.of("shop front.png", "beach.jpg"),
                        List.of(
                                text(chromium, "#vk-grid .vk-card[data-id='" + ids.get(0) + "'] .vk-card-name"),
                                text(chromium, "#vk-grid .vk-card[data-id='" + ids.get(1) + "'] .vk-card-name")),
                        "named as the files were");
                chromium.eval("document.getElementById('vk-search').focus()");
                chromium.insertText("beach");
                chromium.press("Enter", "Enter", 13);
                chromium.waitFor(() -> count(chromium, "#vk-grid .vk-card") == 1);
                assertEquals(
                        "beach.jpg",
                        text(chromium, "#vk-grid .vk-card .vk-card-name"),
                        "the search finds the beach by its name");
                chromium.eval("document.getElementById('vk-search').value = ''");
                chromium.press("Enter", "Enter", 13);
                chromium.waitFor(() -> count(chromium, "#vk-grid .vk-card") > 1);

                JsonNode first = server.get("/api/assets/" + ids.get(1)).json();
                String id = first.path("id").asText();
                String thumb = chromium.eval("document.querySelector(\"#vk-grid .vk-card[data-id='" + id
                                + "'] img\").getAttribute('src')")
                        .asText();
                assertEquals(smallestSquare(first), thumb, "the thumbnail is the smallest square file");

                chromium.eval("document.querySelector(\"#vk-grid .vk-card[data-id='" + id + "'] a\").click()");
                JsonNode asset = server.get("/api/assets/" + id).json();
                chromium.waitFor(() -> count(chromium, "#vk-crops .vk-crop-item")
                        == asset.path("crops").size());
                assertEquals(
                        "#/asset/" + id, chromium.eval("location.hash").asText(), "the image's page has its own URL");
                Set<String> shapes = new HashSet<>();
                asset.path("crops").forEach(c -> shapes.add(c.path("aspect").asText()));
                assertEquals(
                        shapes,
                        new HashSet<>(
                                strings(
                                        chromium,
                                        "[...document.querySelectorAll('#vk-crops .vk-crop-item')].map(e => e.dataset.aspect)")));
                assertEquals(6, shapes.size(), "the six shapes: " + shapes);
                assertEquals(
                        0,
                        chromium.eval("[...document.querySelectorAll('#vk-crops .vk-crop-item')]"
                                        + ".filter(e => e.querySelectorAll('.vk-reasons li').length === 0).length")
                                .asInt(),
                        "every crop says why");
                String reasons = text(chromium, "#vk-crops");
                asset.path("crops")
                        .forEach(c ->
                                c.path("reasons").forEach(r -> assertTrue(reasons.contains(r.asText()), r.asText())));

                JsonNode found = asset.path("detections");
                assertTrue(found.path("subject").isObject(), "the pipeline found a subject: " + found);
                assertEquals(found.path("faces").size(), count(chromium, "#vk-source rect[data-kind=face]"));
                assertEquals(found.path("text").size(), count(chromium, "#vk-source rect[data-kind=text]"));
                assertEquals(1, count(chromium, "#vk-source rect[data-kind=subject]"));
                JsonNode subject =
                        chromium.eval("(() => { const r = document.querySelector('#vk-source rect[data-kind=subject]');"
                                + " return {x: +r.getAttribute('x'), w: +r.getAttribute('width')}; })()");
                assertEquals(
                        found.path("subject").path("x").asDouble(),
                        subject.path("x").asDouble(),
                        0.01,
                        "drawn in source pixels");
                assertEquals(
                        found.path("subject").path("w").asDouble(),
                        subject.path("w").asDouble(),
                        0.01);
                assertEquals("inline", style(chromium, "#vk-source .vk-detections", "display"), "detections are drawn");
                chromium.eval("document.getElementById('vk-show-detections').click()");
                assertEquals("none", style(chromium, "#vk-source .vk-detections", "display"), "the toggle hides them");
                chromium.eval("document.getElementById('vk-show-detections').click()");
                assertEquals("inline", style(chromium, "#vk-source .vk-detections", "display"));

                chromium.waitFor(
                        () -> chromium.evalQuietly("[...document.querySelectorAll('#vk-source img, #vk-crops img')]"
                                        + ".every(i => i.complete && i.naturalWidth > 0)")
                                .asBoolean(false));
                assertEquals(asset.path("variants").size(), count(chromium, "#vk-variants tbody tr"));
                JsonNode links = chromium.eval(
                        "[...document.querySelectorAll('#vk-variants a')].map(a => [a.getAttribute('href'), a.hasAttribute('download')])");
                for (int i = 0; i < links.size(); i++) {
                    assertEquals(
                            asset.path("variants").get(i).path("url").asText(),
                            links.get(i).get(0).asText());
                    assertTrue(links.get(i).get(1).asBoolean(), "a download link");
                }

                chromium.eval("history.back()");
                chromium.waitFor(
                        () -> chromium.evalQuietly("location.hash").asText().isEmpty()
                                && !chromium.evalQuietly("document.querySelector('.vk-library').hidden")
                                        .asBoolean(true));
                assertEquals(
                        2,
                        count(
                                chromium,
                                "#vk-grid .vk-card[data-phase=ready]:is([data-id='" + ids.get(0) + "'], [data-id='"
                                        + ids.get(1) + "'])"),
                        "back on the library, as it was");
                assertEquals(0, count(chromium, ".vk-dropping"), "nothing stays highlighted after the drop");
                assertTrue(
                        chromium.eval("document.getElementById('vk-sign-out').hidden")
                                .asBoolean(),
                        "behind a gateway there is nothing to sign out of");
                assertEquals(
                        0,
                        chromium.eval("window.vkCsp.length").asInt(),
                        "no CSP violations: " + chromium.eval("window.vkCsp"));
            });
        }
    }

    @Test
    void aPictureThatFailedSaysWhyAndCanBeRetried(TestInfo test) throws Exception {
        // a PNG whose pixel data ends at once: accepted at upload, refused by the decoder in the job
        TestServer.Response upload = server.send("POST", "/api/assets", cutOffPng(), "Content-Type", "image/png");
        assertTrue(upload.status() == 202 || upload.status() == 200, upload.toString());
        String id = upload.json().path("id").asText();
        JsonNode failed = waitForFailure(id, null);
        String reason = failed.at("/failure/message").asText();
        assertFalse(reason.isBlank(), failed.toString());
        try (Chromium chromium = open(base + "/library/")) {
            onFailureScreenshot(chromium, test, () -> {
                String card = "#vk-grid .vk-card[data-id='" + id + "']";
                chromium.waitFor(() -> count(chromium, card + "[data-phase=failed] .vk-retry") == 1);
                assertEquals(reason, text(chromium, card + " .vk-reason"), "the server's reason, as it is");
                assertEquals("Failed", text(chromium, card + " .vk-status-label"));
                double[] retry = chromium.pointIn(card + " .vk-retry", 0.5, 0.5);
                chromium.click(retry[0], retry[1]);
                JsonNode again = waitForFailure(id, failed.at("/failure/at").asText());
                assertEquals(
                        "corrupt",
                        again.at("/failure/code").asText(),
                        "the retry ran the job again, which failed again: " + again);
                chromium.waitFor(() -> count(chromium, card + "[data-phase=failed] .vk-retry") == 1
                        && reason.equals(text(chromium, card + " .vk-reason")));
            });
        }
    }

    @Test
    void loadMoreShowsTheNextPageNewestFirst(TestInfo test, @TempDir Path ownData) throws Exception {
        try (TestServer fresh = TestServer.start(ServerConfig.forTests(ownData))) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                TestServer.Response upload =
                        fresh.send("POST", "/api/assets", jpeg(tiny(i)), "Content-Type", "image/jpeg");
                assertEquals(202, upload.status(), upload.toString());
                ids.add(upload.json().path("id").asText());
            }
            List<String> newestFirst = new java.util.ArrayList<>();
            fresh.get("/api/assets?limit=100")
                    .json()
                    .path("assets")
                    .forEach(a -> newestFirst.add(a.path("id").asText()));
            newestFirst.sort(java.util.Comparator.comparing((String a) -> fresh.get("/api/assets/" + a)
                            .json()
                            .path("createdAt")
                            .asText())
                    .reversed());
            try (Chromium chromium = open("http://127.0.0.1:" + fresh.port() + "/library/")) {
                onFailureScreenshot(chromium, test, () -> {
                    chromium.waitFor(() -> count(chromium, "#vk-grid .vk-card") == 24
                            && !chromium.evalQuietly("document.getElementById('vk-more').hidden")
                                    .asBoolean(true));
                    assertEquals(
                            newestFirst.subList(0, 24),
                            strings(
                                    chromium,
                                    "[...document.querySelectorAll('#vk-grid .vk-card')].map(c => c.dataset.id)"),
                            "the newest 24 first");
                    chromium.eval("document.getElementById('vk-more').focus()");
                    chromium.press("Enter", "Enter", 13);
                    chromium.waitFor(() -> count(chromium, "#vk-grid .vk-card") == 25);
                    assertEquals(
                            newestFirst,
                            strings(
                                    chromium,
                                    "[...document.querySelectorAll('#vk-grid .vk-card')].map(c => c.dataset.id)"),
                            "then the oldest");
                    chromium.waitFor(() -> chromium.evalQuietly("document.getElementById('vk-more').hidden")
                            .asBoolean(false));
                    assertTrue(text(chromium, ".vk-count").startsWith("25 images"), text(chromium, ".vk-count"));
                });
            }
            assertEquals(25, new HashSet<>(ids).size());
        }
    }

    @Test
    void refusedFilesSayWhyInTheMerchantsWords(TestInfo test) throws Exception {
        byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                        + "<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"red\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
        Path logo = write("logo.svg", svg);
        Path disguised = write("disguised.png", svg);
        String serverSays = server.send("POST", "/api/assets", svg, "Content-Type", "image/png")
                .json()
                .at("/error/message")
                .asText();
        assertTrue(serverSays.contains("SVG"), serverSays);
        int before = server.get("/api/assets").json().path("assets").size();
        try (Chromium chromium = open(base + "/library/")) {
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> count(chromium, ".vk-toolbar input[type=file]") == 1);
                chromium.setFileInputFiles(".vk-toolbar input[type=file]", List.of(logo, disguised));
                chromium.waitFor(() -> count(chromium, "#vk-uploads .vk-upload[data-state=refused]") == 2);
                assertEquals(
                        "This file is an SVG; upload a JPEG, PNG, WebP or GIF.",
                        refusal(chromium, "logo.svg"),
                        "the browser refuses an .svg before sending it");
                assertEquals(
                        serverSays,
                        refusal(chromium, "disguised.png"),
                        "an SVG named .png is refused by the server, and its message is shown as it is");
                assertEquals(2, count(chromium, "#vk-uploads [role=alert]"), "refusals are announced");

                chromium.eval("document.querySelector('.vk-lang').value = 'zh-CN';"
                        + " document.querySelector('.vk-lang').dispatchEvent(new Event('change'))");
                chromium.setFileInputFiles(".vk-toolbar input[type=file]", List.of(logo));
                chromium.waitFor(() -> count(chromium, "#vk-uploads .vk-upload[data-state=refused]") == 3);
                assertEquals(
                        "这是 SVG 文件；请上传 JPEG、PNG、WebP 或 GIF。",
                        chromium.eval("document.querySelector('#vk-uploads .vk-upload .vk-error').textContent")
                                .asText(),
                        "in Chinese after the switch");
                assertEquals("图片", text(chromium, "#vk-library-title"));
            });
        }
        assertEquals(before, server.get("/api/assets").json().path("assets").size(), "no asset was made");
    }

    @Test
    void theFocusEditorWarnsThatLivePagesChangeThenSavesTheDraggedBox(TestInfo test) throws Exception {
        String id = uploadAndWait(server, jpeg(scene(3, null)));
        Map<String, Object> banner = Map.of(
                "id",
                "hero",
                "type",
                "hero-banner",
                "version",
                2,
                "props",
                Map.of("title", "Spring", "image", Map.of("asset", id)),
                "children",
                List.of());
        TestServer.Response page = server.post(
                "/api/pages", Map.of("slug", "spring-live", "title", "Spring live", "components", List.of(banner)));
        assertEquals(201, page.status(), page.toString());
        TestServer.Response published =
                server.post("/api/pages/" + page.json().path("id").asText() + "/publish", null);
        assertEquals(201, published.status(), published.toString());
        try (Chromium chromium = open(base + "/library/#/asset/" + id)) {
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> count(chromium, "#vk-source") == 1);
                double[] from = chromium.pointIn("#vk-source", 0.1, 0.2);
                double[] to = chromium.pointIn("#vk-source", 0.4, 0.6);
                chromium.drag(from[0], from[1], to[0], to[1]);
                JsonNode box = chromium.eval("JSON.parse(document.getElementById('vk-source').dataset.focus)");
                assertEquals(0.1, box.path("x").asDouble(), 0.01, box.toString());
                assertEquals(0.2, box.path("y").asDouble(), 0.01, box.toString());
                assertEquals(0.3, box.path("w").asDouble(), 0.01, box.toString());
                assertEquals(0.4, box.path("h").asDouble(), 0.01, box.toString());
                assertTrue(text(chromium, "#vk-focus-text").startsWith("Focus box"), text(chromium, "#vk-focus-text"));
                assertTrue(
                        server.get("/api/assets/" + id).json().path("focus").isNull(),
                        "nothing is saved before asking");

                chromium.eval("document.getElementById('vk-focus-save').click()");
                assertTrue(
                        chromium.eval("document.getElementById('vk-confirm').open")
                                .asBoolean(),
                        "a confirmation opens");
                assertTrue(
                        text(chromium, "#vk-confirm").contains("live, published pages"), text(chromium, "#vk-confirm"));
                assertEquals(
                        "Cancel",
                        chromium.eval("document.activeElement.textContent").asText(),
                        "the safe choice has the focus");
                chromium.waitFor(() -> count(chromium, "#vk-uses li") == 1);
                assertEquals(
                        "Spring live (spring-live) v1",
                        text(chromium, "#vk-uses li"),
                        "the live page it changes is named");
                chromium.eval("document.getElementById('vk-confirm-yes').click()");
                chromium.waitFor(() ->
                        server.get("/api/assets/" + id).json().path("focus").isObject());
                JsonNode saved = server.get("/api/assets/" + id).json().path("focus");
                assertEquals(box.path("x").asDouble(), saved.path("x").asDouble(), 1e-9, saved.toString());
                assertEquals(box.path("h").asDouble(), saved.path("h").asDouble(), 1e-9, saved.toString());
                chromium.waitFor(() -> text(chromium, ".vk-asset-status")
                        .contains("Live pages changed: Spring live (spring-live) v1"));
                chromium.waitFor(
                        PIPELINE,
                        () -> "ready"
                                .equals(server.get("/api/assets/" + id)
                                        .json()
                                        .path("status")
                                        .asText()));
                chromium.waitFor(() -> text(chromium, ".vk-facts").contains("Ready"));
                assertEquals(
                        0,
                        chromium.eval("window.vkCsp.length").asInt(),
                        "no CSP violations: " + chromium.eval("window.vkCsp"));
            });
        }
    }

    @Test
    void theImageFieldShowsTheSlotsCropAndEmitsTheFocusOfThisUse(TestInfo test) throws Exception {
        String id = uploadAndWait(server, jpeg(scene(4, null)));
        JsonNode asset = server.get("/api/assets/" + id).json();
        JsonNode wide = null;
        for (JsonNode c : asset.path("crops")) {
            if (c.path("aspect").asText().equals("2:1")) {
                wide = c;
            }
        }
        assertTrue(wide != null, "the pipeline made a 2:1 crop");
        try (Chromium chromium = open(base + "/library/picker.html")) {
            JsonNode twoToOne = wide;
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> count(chromium, "vk-image-picker .vkp-choose") == 1);
                chromium.eval("document.querySelector('vk-image-picker .vkp-choose').click()");
                assertTrue(
                        chromium.eval("document.querySelector('.vkp-dialog').open")
                                .asBoolean(),
                        "the chooser opens");
                String option = ".vkp-all .vkp-option[data-id='" + id + "']";
                chromium.waitFor(() -> count(chromium, option) == 1);
                chromium.eval("document.querySelector(\"" + option + "\").click()");
                chromium.waitFor(() -> "ready"
                        .equals(chromium.evalQuietly("document.getElementById('hero').dataset.state")
                                .asText("")));
                assertEquals(Map.of("asset", id, "focus", "null"), event(chromium, 0));
                JsonNode shown = chromium.eval("JSON.parse(document.querySelector('#hero .vkp-crop').dataset.crop)");
                for (String k : List.of("x", "y", "width", "height")) {
                    assertEquals(twoToOne.path(k).asInt(), shown.path(k).asInt(), "the server's 2:1 crop: " + shown);
                }
                String src = chromium.eval("document.querySelector('#hero .vkp-crop img').getAttribute('src')")
                        .asText();
                boolean isWideFile = false;
                for (JsonNode v : asset.path("variants")) {
                    isWideFile |= v.path("url").asText().equals(src)
                            && v.path("shape").asText().equals("2:1");
                }
                assertTrue(isWideFile, "the field shows a 2:1 file: " + src);

                chromium.eval("document.querySelector('#hero .vkp-focus-toggle').click()");
                chromium.waitFor(() -> count(chromium, "#hero .vkp-focus .vk-source") == 1);
                double[] from = chromium.pointIn("#hero .vkp-focus .vk-source", 0.05, 0.1);
                double[] to = chromium.pointIn("#hero .vkp-focus .vk-source", 0.3, 0.5);
                chromium.drag(from[0], from[1], to[0], to[1]);
                chromium.waitFor(
                        () -> chromium.evalQuietly("window.vkEvents.length").asInt(0) == 2);
                JsonNode use = chromium.eval("window.vkEvents[1]");
                assertEquals(id, use.path("asset").asText());
                assertEquals(0.05, use.at("/focus/x").asDouble(), 0.01, use.toString());
                assertEquals(0.1, use.at("/focus/y").asDouble(), 0.01, use.toString());
                assertEquals(0.25, use.at("/focus/w").asDouble(), 0.01, use.toString());
                assertEquals(0.4, use.at("/focus/h").asDouble(), 0.01, use.toString());
                JsonNode crop = chromium.eval("JSON.parse(document.querySelector('#hero .vkp-crop').dataset.crop)");
                double w = asset.at("/source/width").asDouble();
                double h = asset.at("/source/height").asDouble();
                assertTrue(
                        crop.path("x").asDouble() <= 0.05 * w
                                && crop.path("x").asDouble()
                                                + crop.path("width").asDouble()
                                        >= 0.3 * w
                                && crop.path("y").asDouble() <= 0.1 * h
                                && crop.path("y").asDouble()
                                                + crop.path("height").asDouble()
                                        >= 0.5 * h,
                        "the crop in the field holds this use's focus box: " + crop + " for " + use);
                assertEquals(
                        2.0, crop.path("width").asDouble() / crop.path("height").asDouble(), 0.02, "still 2:1");

                // the keyboard moves it too: a box moves right by a small step
                chromium.eval("document.querySelector('#hero .vkp-focus .vk-source').focus()");
                chromium.press("ArrowRight", "ArrowRight", 39);
                chromium.waitFor(
                        () -> chromium.evalQuietly("window.vkEvents.length").asInt(0) == 3);
                assertEquals(
                        use.at("/focus/x").asDouble() + 0.02,
                        chromium.eval("window.vkEvents[2].focus.x").asDouble(),
                        0.001);
                assertEquals(
                        id,
                        chromium.eval("document.getElementById('hero').value.asset")
                                .asText(),
                        "value reads back");
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
    void theImageFieldUploadsFromItsChooserAndListsThePictureAsRecentlyUsed(TestInfo test) throws Exception {
        Path poster = write("poster.jpg", jpeg(scene(5, "NEW")));
        try (Chromium chromium = open(base + "/library/picker.html")) {
            onFailureScreenshot(chromium, test, () -> {
                chromium.waitFor(() -> count(chromium, "vk-image-picker .vkp-choose") == 1);
                chromium.eval("document.querySelector('vk-image-picker .vkp-choose').click()");
                chromium.waitFor(() -> count(chromium, ".vkp-dialog .vk-file-button input[type=file]") == 1);
                chromium.setFileInputFiles(".vkp-dialog .vk-file-button input[type=file]", List.of(poster));
                chromium.waitFor(
                        () -> chromium.evalQuietly("window.vkEvents.length").asInt(0) == 1);
                assertFalse(
                        chromium.eval("document.querySelector('.vkp-dialog').open")
                                .asBoolean(),
                        "the chooser closes on upload");
                String id = chromium.eval("window.vkEvents[0].asset").asText();
                assertTrue(chromium.eval("window.vkEvents[0].focus === null").asBoolean());
                chromium.waitFor(
                        PIPELINE,
                        () -> "ready"
                                .equals(chromium.evalQuietly("document.getElementById('hero').dataset.state")
                                        .asText("")));
                assertEquals("poster.jpg", text(chromium, "#hero .vkp-meta strong"), "named as the file was");
                assertEquals(1, count(chromium, "#hero .vkp-crop img"), "the 2:1 crop shows in the field");

                chromium.eval("document.querySelector('vk-image-picker .vkp-choose').click()");
                chromium.waitFor(() -> count(chromium, ".vkp-recent .vkp-option[data-id='" + id + "']") == 1);
                assertEquals(1, chromium.eval("window.vkEvents.length").asInt(), "opening the chooser changes nothing");
                chromium.press("Escape", "Escape", 27);
                chromium.waitFor(() -> !chromium.evalQuietly("document.querySelector('.vkp-dialog').open")
                        .asBoolean(true));
            });
        }
    }

    // ---- shared with the other library browser tests ----

    interface Body {
        void run() throws Exception;
    }

    /** Chromium at a desk's size, recording content-security-policy violations in window.vkCsp, on the URL. */
    static Chromium open(String url) throws Exception {
        Chromium chromium = Chromium.start(1280, 900);
        chromium.send("Page.enable", Map.of());
        chromium.send(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.vkCsp = [];"
                                + " document.addEventListener('securitypolicyviolation', e => window.vkCsp.push(e.violatedDirective + ' ' + e.blockedURI));"
                                + " localStorage.setItem('venuekit.lang', 'en');"));
        chromium.open(url);
        return chromium;
    }

    /** Runs the body; when it fails, saves what the browser showed under the build directory, then fails. */
    static void onFailureScreenshot(Chromium chromium, TestInfo test, Body body) throws Exception {
        try {
            body.run();
        } catch (Throwable e) {
            Path dir = Path.of(LibraryBrowserTest.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent()
                    .resolve("browser-screenshots");
            Path shot =
                    dir.resolve(test.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
                            + test.getTestMethod().map(m -> m.getName()).orElse("run") + ".png");
            chromium.saveScreenshot(shot);
            e.addSuppressed(new AssertionError("screenshot: " + shot));
            throw e;
        }
    }

    /** Uploads as a client of the API would and waits until the pipeline made every file. */
    static String uploadAndWait(TestServer server, byte[] image, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "image/jpeg";
        System.arraycopy(headers, 0, all, 2, headers.length);
        TestServer.Response upload = server.send("POST", "/api/assets", image, all);
        assertTrue(upload.status() == 202 || upload.status() == 200, upload.toString());
        String id = upload.json().path("id").asText();
        long deadline = System.nanoTime() + PIPELINE.toNanos();
        while (true) {
            JsonNode asset = server.get("/api/assets/" + id, headers).json();
            if (asset.path("status").asText().equals("ready")) {
                return id;
            }
            if (asset.path("status").asText().equals("failed") || System.nanoTime() > deadline) {
                fail("the picture was not made ready: " + asset);
            }
            Thread.sleep(200);
        }
    }

    /** Waits until the asset's job failed, at another time than {@code before} (a retry's failure), and returns it. */
    private static JsonNode waitForFailure(String id, String before) throws Exception {
        long deadline = System.nanoTime() + PIPELINE.toNanos();
        while (true) {
            JsonNode asset = server.get("/api/assets/" + id).json();
            if (asset.path("status").asText().equals("failed")
                    && !asset.at("/failure/at").asText().equals(before)) {
                return asset;
            }
            if (System.nanoTime() > deadline) {
                fail("no new failure (the last at " + before + "): " + asset);
            }
            Thread.sleep(200);
        }
    }

    /** A PNG of 64 × 48 whose compressed pixel data is empty: the header is sound, the picture is cut off. */
    private static byte[] cutOffPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        pngChunk(
                out,
                "IHDR",
                java.nio.ByteBuffer.allocate(13)
                        .putInt(64)
                        .putInt(48)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        pngChunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static int count(Chromium chromium, String selector) {
        return chromium.evalQuietly("document.querySelectorAll(" + quote(selector) + ").length")
                .asInt(0);
    }

    static String text(Chromium chromium, String selector) {
        return chromium.evalQuietly("document.querySelector(" + quote(selector) + ")?.textContent ?? ''")
                .asText("");
    }

    /** The text of the first refusal in the upload row whose file name is {@code name}. */
    private static String refusal(Chromium chromium, String name) {
        return chromium.evalQuietly("[...document.querySelectorAll('#vk-uploads .vk-upload')].find(r =>"
                        + " r.querySelector('.vk-upload-name').textContent === " + quote(name)
                        + ")?.querySelector('.vk-error')?.textContent ?? ''")
                .asText("");
    }

    private static String style(Chromium chromium, String selector, String property) throws Exception {
        return chromium.eval("getComputedStyle(document.querySelector(" + quote(selector) + ")).getPropertyValue("
                        + quote(property) + ")")
                .asText();
    }

    private static Map<String, String> event(Chromium chromium, int i) throws Exception {
        JsonNode e = chromium.eval("window.vkEvents[" + i + "]");
        return Map.of(
                "asset",
                e.path("asset").asText(),
                "focus",
                e.path("focus").isNull() ? "null" : e.path("focus").toString());
    }

    private static List<String> strings(Chromium chromium, String expression) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        chromium.eval(expression).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Double> doubles(Chromium chromium, String expression) throws Exception {
        List<Double> out = new java.util.ArrayList<>();
        chromium.eval(expression).forEach(n -> out.add(n.asDouble()));
        return out;
    }

    private static String smallestSquare(JsonNode asset) {
        JsonNode best = null;
        for (JsonNode v : asset.path("variants")) {
            if (v.path("shape").asText().equals("1:1")
                    && (best == null
                            || v.path("width").asInt() < best.path("width").asInt()
                            || v.path("width").asInt() == best.path("width").asInt()
                                    && v.path("bytes").asInt()
                                            < best.path("bytes").asInt())) {
                best = v;
            }
        }
        return best == null ? null : best.path("url").asText();
    }

    static String quote(String s) {
        try {
            return TestServer.MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(files.resolve(name), bytes);
    }

    /** A 640 × 480 scene: sky, ground, a red subject right of centre, and a line of large text when given. */
    static BufferedImage scene(int seed, String words) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        java.util.Random random = new java.util.Random(seed);
        g.setColor(new Color(110 + random.nextInt(40), 160, 220));
        g.fillRect(0, 0, 640, 300);
        g.setColor(new Color(80, 130 + random.nextInt(40), 70));
        g.fillRect(0, 300, 640, 180);
        g.setColor(new Color(220, 60 + random.nextInt(60), 40));
        g.fillOval(400, 170, 150, 220);
        if (words != null) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
            g.drawString(words, 30, 80);
        }
        g.dispose();
        return image;
    }

    /** A 48 × 32 picture in its own colour: quick to process, different bytes for each {@code i}. */
    private static BufferedImage tiny(int i) {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40 + i * 8, 200 - i * 6, 90 + i * 5));
        g.fillRect(0, 0, 48, 32);
        g.setColor(Color.WHITE);
        g.fillOval(10 + i % 20, 8, 16, 16);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws Exception {
        return encode(image, "jpeg");
    }

    static byte[] png(BufferedImage image) throws Exception {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }
}
