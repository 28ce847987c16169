package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample venue and the builder in a real browser (Debian's Chromium, headless; the build
 * installs it when missing, see {@code ensure-chromium.sh}).
 */
class BrowserTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static String base;

    @BeforeAll
    static void startServerWithTheSample() throws Exception {
        server = TestServer.start(ServerConfig.forTests(dataDir).withSeedSample(true));
        base = "http://127.0.0.1:" + server.port();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (server.get("/api/assets").text().matches("(?s).*\"status\":\"(queued|processing)\".*")) {
            if (System.nanoTime() > deadline) {
                fail("the sample pictures were not processed in time: " + server.get("/api/assets"));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theLowTierVenueIsWholeWithoutJavaScript() throws Exception {
        List<String> topLevel = new ArrayList<>();
        server.get("/api/pages")
                .json()
                .at("/pages/0/components")
                .forEach(c -> topLevel.add(c.path("id").asText()));

        List<String> shown = new ArrayList<>();
        try (Chromium chromium = Chromium.start(360, 740)) {
            chromium.javascript(false);
            String url = base + "/venues/double11-main?tier=low";
            for (int page = 0; url != null; page++) {
                assertTrue(page < topLevel.size(), "'Show more' never ends");
                chromium.open(url);
                assertEquals(0, chromium.eval("document.scripts.length").asInt(), "the low tier sends no script");
                assertEquals(
                        0,
                        chromium.eval("document.documentElement.scrollWidth - innerWidth")
                                .asInt(),
                        "nothing runs off the side of a 360 px phone");
                // without script Chromium loads every image at once, lazy or not
                JsonNode broken = chromium.eval(
                        "[...document.images].filter(i => !i.complete || i.naturalWidth === 0)" + ".map(i => i.src)");
                assertEquals(0, broken.size(), "images that did not load: " + broken);
                JsonNode misShaped =
                        chromium.eval("[...document.images].filter(i => Math.abs(i.naturalWidth / i.naturalHeight"
                                + " - i.getAttribute('width') / i.getAttribute('height')) > 0.02).map(i => i.src)");
                assertEquals(0, misShaped.size(), "images whose pixels differ from their declared shape: " + misShaped);
                chromium.eval("[...document.querySelectorAll('main > [id]')].map(e => e.id)")
                        .forEach(id -> shown.add(id.asText()));
                JsonNode more = chromium.eval("document.querySelector('a.vk-more')?.href ?? null");
                url = more.isNull() ? null : more.asText();
            }
        }
        assertEquals(topLevel, shown, "following 'Show more' reaches every module once, in order");
    }

    @Test
    void anOperatorAddsAComponentAndPublishesInTheBuilder() throws Exception {
        JsonNode before = server.get("/api/pages").json().at("/pages/0");
        String pageId = before.path("id").asText();
        int versionsBefore = server.get("/api/pages/" + pageId + "/versions")
                .json()
                .path("versions")
                .size();
        String spacerTitle = null;
        for (JsonNode c : server.get("/api/components").json().path("components")) {
            if (c.path("type").asText().equals("spacer")) {
                spacerTitle = c.path("title").asText();
            }
        }

        try (Chromium chromium = Chromium.start(1600, 1000)) {
            chromium.open(base + "/builder/");
            chromium.waitFor(() -> count(chromium, ".pages-table tbody tr") >= 1);
            chromium.eval("document.querySelector('.pages-table tbody tr[data-page="
                    + TestServer.MAPPER.writeValueAsString(pageId) + "] a').click()");
            chromium.waitFor(() -> count(chromium, ".tree-item") > 40 && count(chromium, ".palette-list li") >= 18);
            assertEquals("?page=" + pageId, chromium.eval("location.search").asText(), "the page has its own address");

            chromium.eval("[...document.querySelectorAll('.palette-item')].find(b => b.textContent.includes("
                    + TestServer.MAPPER.writeValueAsString(spacerTitle) + ")).click()");
            chromium.waitFor(() -> count(chromium, "#props input") > 0);
            chromium.eval("document.getElementById('publish').click()");
            chromium.waitFor(() -> text(chromium, "save-status").startsWith("Published v")
                    || text(chromium, "save-status").contains("Not saved"));
            assertTrue(text(chromium, "save-status").startsWith("Published v"), text(chromium, "save-status"));
            chromium.waitFor(() -> frameHasVenue(chromium));
        }

        JsonNode after = server.get("/api/pages/" + pageId).json();
        assertTrue(after.path("version").asInt() > before.path("version").asInt(), after.toString());
        long spacers = countType(after.path("components"), "spacer") - countType(before.path("components"), "spacer");
        assertEquals(1, spacers, "one spacer was added");
        assertEquals(
                versionsBefore + 1,
                server.get("/api/pages/" + pageId + "/versions")
                        .json()
                        .path("versions")
                        .size());
    }

    /** Every tier's preview (a sandboxed frame, so its document is out of the page's reach) holds the venue's markup. */
    private static boolean frameHasVenue(Chromium chromium) {
        try {
            return chromium.eval(
                            "[...document.querySelectorAll('.preview-frame')].length === 3"
                                    + " && [...document.querySelectorAll('.preview-frame')].every(f => f.contentDocument?.documentElement?.outerHTML.includes('id=\"venue\"'))")
                    .asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    private static int count(Chromium chromium, String selector) {
        try {
            return chromium.eval(
                            "document.querySelectorAll(" + TestServer.MAPPER.writeValueAsString(selector) + ").length")
                    .asInt();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String text(Chromium chromium, String id) {
        try {
            return chromium.eval("document.getElementById('" + id + "').textContent")
                    .asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static long countType(JsonNode components, String type) {
        long n = 0;
        for (JsonNode c : components) {
            n += (c.path("type").asText().equals(type) ? 1 : 0) + countType(c.path("children"), type);
        }
        return n;
    }
}
