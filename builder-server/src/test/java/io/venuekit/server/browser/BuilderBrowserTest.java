package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder as an operator uses it, in Debian's Chromium: real mouse drags (SortableJS), keys,
 * typing. Each test works on a page of its own, copied from the sample venue.
 */
class BuilderBrowserTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static String base;
    private static JsonNode sample;
    private static final AtomicInteger pages = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(ServerConfig.forTests(dataDir).withSeedSample(true));
        base = "http://127.0.0.1:" + server.port();
        sample = server.get("/api/pages").json().at("/pages/0");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A new draft copied from the sample venue; its id. */
    private static String newPage() {
        ObjectNode doc = TestServer.MAPPER.createObjectNode();
        int n = pages.incrementAndGet();
        doc.put("slug", "browser-" + n);
        doc.put("title", "Browser test " + n);
        doc.set("components", sample.path("components").deepCopy());
        var created = server.post("/api/pages", doc);
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    private static JsonNode page(String id) {
        return server.get("/api/pages/" + id).json();
    }

    private static void openEditor(Chromium chromium, String id) throws Exception {
        chromium.open(base + "/builder/?page=" + id);
        chromium.waitUntil("document.querySelectorAll('.tree-item').length > 20");
        chromium.waitUntil("document.querySelectorAll('#previews .budget').length === 3");
        chromium.waitUntil(
                "[...document.querySelectorAll('.preview-frame')].every(f => f.contentDocument?.getElementById('venue'))");
    }

    private static String q(String text) throws Exception {
        return TestServer.MAPPER.writeValueAsString(text);
    }

    private static String row(String id) {
        return ".tree-item[data-id=\"" + id + "\"] > .node > .node-label";
    }

    private static List<String> children(Chromium chromium, String parent) throws Exception {
        List<String> ids = new ArrayList<>();
        chromium.eval("[...document.querySelectorAll('.tree-item[data-id=\"" + parent
                        + "\"] > .tree-list > .tree-item')].map(e => e.dataset.id)")
                .forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static String text(Chromium chromium, String selector) throws Exception {
        return chromium.eval("document.querySelector(" + q(selector) + ")?.textContent ?? ''")
                .asText();
    }

    private static JsonNode component(JsonNode list, String id) {
        for (JsonNode c : list) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
            JsonNode inside = component(c.path("children"), id);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    private static void waitSaved(Chromium chromium) throws Exception {
        chromium.waitUntil("/^(Saved|Merged)/.test(document.getElementById('save-status').textContent)");
    }

    /** Selects the text in the focused field, so what is typed next replaces it. */
    private static void selectAll(Chromium chromium) throws Exception {
        chromium.key("a", "KeyA", 65, Chromium.CTRL);
    }

    @Test
    void anOperatorCreatesAPageFromTheTemplateAndAssemblesItByDragAndDrop(TestInfo info) throws Exception {
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open(base + "/builder/");
                        chromium.waitUntil("document.querySelectorAll('.pages-table tbody tr').length > 0");
                        chromium.click("#new-page");
                        chromium.waitUntil("!!document.getElementById('new-from')");
                        assertEquals(
                                sample.path("id").asText(),
                                chromium.eval("document.getElementById('new-from').value")
                                        .asText(),
                                "the sample venue is the first template");
                        chromium.click("#new-title");
                        chromium.type("Singles day");
                        chromium.click("#new-slug");
                        chromium.type("singles-day");
                        chromium.click(".new-page button[type=submit]");
                        chromium.waitUntil("location.search.startsWith('?page=')");
                        String id = chromium.eval("new URLSearchParams(location.search).get('page')")
                                .asText();
                        chromium.waitUntil("document.querySelectorAll('.tree-item').length > 20");
                        assertEquals("Singles day", page(id).path("title").asText());

                        // each drop lands where the placeholder showed it when the button was let go
                        List<String> before = children(chromium, "coupons");
                        String placeholder = "(() => { const g = document.querySelector('.sortable-ghost');"
                                + " return g ? (g.parentElement.dataset.parent || 'top') + '@' + [...g.parentElement.children].indexOf(g) : 'none'; })()";
                        List<String> dropped = new ArrayList<>();
                        for (String type : List.of("image", "spacer", "rich-text")) {
                            int count = children(chromium, "coupons").size();
                            String shown = chromium.drag(
                                            ".palette-list li[data-type=\"" + type + "\"]",
                                            ".tree-item[data-id=\"coupons\"] > .tree-list > .tree-item",
                                            0.5,
                                            placeholder)
                                    .asText();
                            chromium.waitUntil(
                                    "document.querySelectorAll('.tree-item[data-id=\"coupons\"] > .tree-list > .tree-item').length > "
                                            + count);
                            List<String> now = children(chromium, "coupons");
                            String added = now.stream()
                                    .filter(c -> c.startsWith(type + "-"))
                                    .findFirst()
                                    .orElseThrow();
                            dropped.add(added);
                            assertEquals(shown, "coupons@" + now.indexOf(added), "where the placeholder was");
                        }
                        List<String> after = children(chromium, "coupons");
                        assertEquals(before.size() + 3, after.size(), after.toString());
                        assertEquals(
                                before,
                                after.stream().filter(c -> !dropped.contains(c)).toList(),
                                "the others kept their order");

                        String shownMove = chromium.drag(
                                        ".tree-item[data-id=\"coupon-rules\"]",
                                        ".tree-item[data-id=\"deals\"] > .tree-list > .tree-item",
                                        0.5,
                                        placeholder)
                                .asText();
                        chromium.waitUntil(
                                "!!document.querySelector('.tree-item[data-id=\"deals\"] > .tree-list > .tree-item[data-id=\"coupon-rules\"]')");
                        assertEquals(
                                shownMove,
                                "deals@" + children(chromium, "deals").indexOf("coupon-rules"),
                                "where the placeholder was");
                        assertFalse(children(chromium, "coupons").contains("coupon-rules"));

                        String grid = chromium.eval(
                                        "document.querySelector('.tree-item[data-type=\"product-grid\"]').dataset.id")
                                .asText();
                        int cards = children(chromium, grid).size();
                        chromium.drag(
                                ".palette-list li[data-type=\"spacer\"]",
                                ".tree-item[data-id=\"" + grid + "\"] > .tree-list > .tree-item",
                                0.5);
                        chromium.waitUntil("!!document.getElementById('refusal')");
                        assertEquals("A product grid holds product cards only.", text(chromium, "#refusal"));
                        assertEquals(cards, children(chromium, grid).size(), "nothing was dropped into the grid");

                        waitSaved(chromium);
                        JsonNode saved = page(id);
                        List<String> savedCoupons = new ArrayList<>();
                        component(saved.path("components"), "coupons")
                                .path("children")
                                .forEach(c -> savedCoupons.add(c.path("id").asText()));
                        List<String> shownCoupons = children(chromium, "coupons");
                        assertEquals(shownCoupons, savedCoupons, "the saved draft is the tree shown");
                        assertTrue(savedCoupons.containsAll(dropped), savedCoupons.toString());
                        List<String> savedDeals = new ArrayList<>();
                        component(saved.path("components"), "deals")
                                .path("children")
                                .forEach(c -> savedDeals.add(c.path("id").asText()));
                        assertEquals(children(chromium, "deals"), savedDeals);
                        assertTrue(savedDeals.contains("coupon-rules"));
                    },
                    chromium);
        }
    }

    @Test
    void aTitleEditShowsInAllThreePreviewsBeforeAnySaveAndALongTitleIsCountedNotCut(TestInfo info) throws Exception {
        String id = newPage();
        int version = page(id).path("version").asInt();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(chromium, id);
                        // no save can reach the server from here on: only previews get through
                        chromium.send("Network.enable", Map.of());
                        chromium.send("Network.setBlockedURLs", Map.of("urls", List.of("*/api/pages/*")));
                        chromium.eval(
                                "window.shownDocs = [...document.querySelectorAll('.preview-frame')].map(f => f.contentDocument), true");
                        chromium.click(row("hero"));
                        chromium.waitUntil("!!document.getElementById('field-title')");
                        chromium.click("#field-title");
                        selectAll(chromium);
                        chromium.type("Singles Day Mega Sale");
                        chromium.waitUntil(
                                "[...document.querySelectorAll('.preview-frame')].every(f => f.contentDocument?.documentElement?.outerHTML.includes('Singles Day Mega Sale'))");
                        assertTrue(
                                chromium.eval(
                                                "[...document.querySelectorAll('.preview-frame')].every((f, i) => f.contentDocument === window.shownDocs[i])")
                                        .asBoolean(),
                                "each frame's document changed in place, not reloaded");
                        assertEquals(
                                3,
                                chromium.eval("document.querySelectorAll('.preview-frame').length")
                                        .asInt());
                        JsonNode stored = page(id);
                        assertEquals(version, stored.path("version").asInt(), "nothing was saved");
                        assertEquals(
                                "Double 11 Shopping Festival",
                                component(stored.path("components"), "hero")
                                        .at("/props/title")
                                        .asText());

                        String tooLong =
                                "Singles Day Mega Sale, every brand, every aisle!"; // 48 characters; the schema allows
                        // 40
                        chromium.click("#field-title");
                        selectAll(chromium);
                        chromium.type(tooLong);
                        chromium.waitUntil("document.getElementById('field-title-count').textContent === '48 / 40'");
                        assertEquals(
                                tooLong,
                                chromium.eval("document.getElementById('field-title').value")
                                        .asText(),
                                "nothing is cut");
                        assertTrue(
                                text(chromium, "#field-title-faults").contains("8 characters too many"),
                                text(chromium, "#field-title-faults"));

                        chromium.send("Network.setBlockedURLs", Map.of("urls", List.of()));
                        chromium.waitUntil("document.getElementById('save-status').textContent.startsWith('Saved')");
                        assertEquals(
                                tooLong,
                                component(page(id).path("components"), "hero")
                                        .at("/props/title")
                                        .asText(),
                                "the draft keeps the long title (with a warning) once the network is back");
                    },
                    chromium);
        }
    }

    @Test
    void aBrokenLinkIsExplainedAtItsField(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(chromium, id);
                        chromium.click(row("hero"));
                        chromium.waitUntil("!!document.getElementById('field-link-kind')");
                        chromium.eval(
                                "(() => { const s = document.getElementById('field-link-kind'); s.focus(); s.value = 'url';"
                                        + " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
                        chromium.waitUntil("!document.getElementById('field-link').disabled");
                        chromium.click("#field-link");
                        selectAll(chromium);
                        chromium.type("javascript:alert(1)");
                        chromium.waitUntil("!!document.getElementById('field-link-faults')");
                        assertTrue(
                                text(chromium, "#field-link-faults").contains("must start with https://"),
                                text(chromium, "#field-link-faults"));
                        assertEquals(
                                "true",
                                chromium.eval("document.getElementById('field-link').getAttribute('aria-invalid')")
                                        .asText());
                        chromium.click("#field-link");
                        selectAll(chromium);
                        chromium.type("https://example.com/sale");
                        chromium.waitUntil("!document.getElementById('field-link-faults')");
                    },
                    chromium);
        }
    }

    @Test
    void aDeleteIsUndoneAndRedoneByKeysAndButtons(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(chromium, id);
                        String present = "!!document.querySelector('.tree-item[data-id=\"midnight-countdown\"]')";
                        chromium.click(row("midnight-countdown"));
                        chromium.key("Delete", "Delete", 46, 0);
                        chromium.waitUntil("!" + present);
                        chromium.key("z", "KeyZ", 90, Chromium.CTRL);
                        chromium.waitUntil(present);
                        assertEquals(
                                2,
                                chromium.eval(
                                                "[...document.querySelectorAll('#tree > .tree-list > .tree-item')].findIndex(e => e.dataset.id === 'midnight-countdown')")
                                        .asInt(),
                                "back where it was");
                        chromium.key("z", "KeyZ", 90, Chromium.CTRL | Chromium.SHIFT);
                        chromium.waitUntil("!" + present);
                        chromium.click("#undo");
                        chromium.waitUntil(present);
                        chromium.key("y", "KeyY", 89, Chromium.CTRL);
                        chromium.waitUntil("!" + present);
                        chromium.click("#undo");
                        chromium.waitUntil(present);
                        waitSaved(chromium);
                        assertTrue(
                                component(page(id).path("components"), "midnight-countdown") != null,
                                "the saved draft has it");
                    },
                    chromium);
        }
    }

    @Test
    void theAutosavedDraftIsThereAfterAReload(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(chromium, id);
                        chromium.click(row("hero"));
                        chromium.click("#field-subtitle");
                        selectAll(chromium);
                        chromium.type("Autosaved subtitle");
                        waitSaved(chromium);
                        openEditor(chromium, id);
                        chromium.click(row("hero"));
                        chromium.waitUntil("document.getElementById('field-subtitle')?.value === 'Autosaved subtitle'");
                    },
                    chromium);
        }
    }

    @Test
    void twoOperatorsEditDifferentComponentsAndBothEditsSurviveThenTheSecondChoosesOnTheSameField(TestInfo info)
            throws Exception {
        String id = newPage();
        try (Chromium a = Chromium.start(1600, 1000);
                Chromium b = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(a, id);
                        openEditor(b, id);
                        b.waitUntil(
                                "(document.getElementById('presence')?.textContent || '').startsWith('Also editing:')");
                        a.click(row("hero"));
                        a.click("#field-title");
                        selectAll(a);
                        a.type("Title from A");
                        waitSaved(a);

                        b.click(row("midnight-countdown"));
                        b.click("#field-label");
                        selectAll(b);
                        b.type("Label from B");
                        b.waitUntil("document.getElementById('save-status').textContent.startsWith('Merged')");
                        JsonNode both = page(id);
                        assertEquals(
                                "Title from A",
                                component(both.path("components"), "hero")
                                        .at("/props/title")
                                        .asText());
                        assertEquals(
                                "Label from B",
                                component(both.path("components"), "midnight-countdown")
                                        .at("/props/label")
                                        .asText());

                        // now both change the same field: A saves first, B is asked
                        a.click("#field-subtitle");
                        selectAll(a);
                        a.type("Subtitle from A");
                        a.waitUntil("/^(Saved|Merged)/.test(document.getElementById('save-status').textContent)"
                                + " && document.getElementById('field-subtitle').value === 'Subtitle from A'");
                        a.waitUntil("document.getElementById('save-status').textContent.startsWith('Merged')");
                        b.click(row("hero"));
                        b.click("#field-subtitle");
                        selectAll(b);
                        b.type("Subtitle from B");
                        b.waitUntil("!!document.getElementById('merge-dialog')");
                        assertTrue(text(b, "#merge-dialog").contains("Subtitle from A"), text(b, "#merge-dialog"));
                        assertTrue(text(b, "#merge-dialog").contains("Subtitle from B"));
                        b.click("#merge-dialog tr[data-conflict=\"hero/subtitle\"] input[value=mine]");
                        b.click("#merge-apply");
                        b.waitUntil(
                                "!document.getElementById('merge-dialog') && /^(Saved|Merged)/.test(document.getElementById('save-status').textContent)");
                        JsonNode end = page(id);
                        JsonNode hero = component(end.path("components"), "hero");
                        assertEquals(
                                "Subtitle from B", hero.at("/props/subtitle").asText(), "B chose theirs over A's");
                        assertEquals("Title from A", hero.at("/props/title").asText(), "A's other edit stays");
                        assertEquals(
                                "Label from B",
                                component(end.path("components"), "midnight-countdown")
                                        .at("/props/label")
                                        .asText());
                    },
                    a,
                    b);
        }
    }

    @Test
    void publishingIsRefusedWithAFaultLinkThatFocusesTheField(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(chromium, id);
                        chromium.click(row("coupon-new"));
                        chromium.click("#field-title");
                        selectAll(chromium);
                        chromium.type("A title far longer than a coupon holds");
                        waitSaved(chromium);
                        chromium.click(row("hero"));
                        chromium.click("#publish");
                        chromium.waitUntil("!!document.getElementById('publish-faults')");
                        chromium.waitUntil(
                                "!!document.querySelector('#publish-faults button[data-field=\"coupon-new/title\"]')");
                        chromium.eval("document.activeElement.blur(), true");
                        chromium.click("#publish-faults button[data-field=\"coupon-new/title\"]");
                        chromium.waitUntil("document.activeElement?.id === 'field-title'");
                        assertEquals(
                                "coupon-new",
                                chromium.eval("document.querySelector('.node.selected').parentElement.dataset.id")
                                        .asText());
                        assertEquals(
                                0,
                                server.get("/api/pages/" + id + "/versions")
                                        .json()
                                        .path("versions")
                                        .size(),
                                "nothing was published");
                    },
                    chromium);
        }
    }

    @Test
    void afterPublishingAndRollingBackTheBuilderSaysTheDraftDiffersFromLive(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(chromium, id);
                        assertEquals(
                                "Not published yet",
                                text(chromium, "#live-state").trim());
                        chromium.click("#publish");
                        chromium.waitUntil("document.getElementById('save-status').textContent === 'Published v1'");
                        chromium.waitUntil("document.getElementById('live-state').textContent.trim() === 'Live: v1'");
                        chromium.click(row("hero"));
                        chromium.click("#field-title");
                        selectAll(chromium);
                        chromium.type("Second edition");
                        waitSaved(chromium);
                        chromium.waitUntil("document.getElementById('live-state').textContent.includes('differs')");
                        chromium.click("#publish");
                        chromium.waitUntil("document.getElementById('save-status').textContent === 'Published v2'");
                        chromium.waitUntil("document.getElementById('live-state').textContent.trim() === 'Live: v2'");

                        chromium.click("#versions-toggle");
                        chromium.waitUntil("!!document.querySelector('#versions-panel button[data-version=\"1\"]')");
                        chromium.click("#versions-panel button[data-version=\"1\"]");
                        chromium.waitUntil("!!document.querySelector('#versions-panel .diff li.diff-changed')");
                        assertTrue(
                                text(chromium, "#versions-panel .diff").contains("title"),
                                text(chromium, "#versions-panel .diff"));
                        chromium.click("#rollback");
                        chromium.waitUntil(
                                "document.getElementById('save-status').textContent === 'v1 is live again as v3'");
                        chromium.waitUntil(
                                "document.getElementById('live-state').textContent.includes('The draft differs from what is live (v3)')");
                        assertEquals(
                                3,
                                server.get("/api/pages/" + id + "/versions")
                                        .json()
                                        .path("versions")
                                        .size());
                    },
                    chromium);
        }
    }

    @Test
    void theKeyboardAddsAndMovesComponents(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        openEditor(chromium, id);
                        chromium.click(row("coupons"));
                        int before = children(chromium, "coupons").size();
                        chromium.eval(
                                "document.querySelector('.palette-list li[data-type=\"spacer\"] button').focus(), true");
                        chromium.key("Enter", "Enter", 13, 0);
                        chromium.waitUntil(
                                "document.querySelectorAll('.tree-item[data-id=\"coupons\"] > .tree-list > .tree-item').length === "
                                        + (before + 1));
                        String added = children(chromium, "coupons").get(before);
                        assertTrue(added.startsWith("spacer"), added);

                        chromium.eval("document.querySelector(" + q(row(added)) + ").focus(), true");
                        chromium.key("ArrowUp", "ArrowUp", 38, Chromium.ALT);
                        chromium.waitUntil(
                                "document.querySelectorAll('.tree-item[data-id=\"coupons\"] > .tree-list > .tree-item')["
                                        + (before - 1) + "].dataset.id === " + q(added));
                        assertEquals(
                                added,
                                chromium.eval("document.activeElement.closest('.tree-item').dataset.id")
                                        .asText(),
                                "focus stays on the moved row");
                        chromium.key("ArrowLeft", "ArrowLeft", 37, Chromium.ALT);
                        chromium.waitUntil("document.querySelector('#tree > .tree-list > .tree-item[data-id=" + q(added)
                                + "]') !== null");
                        List<String> top = new ArrayList<>();
                        chromium.eval(
                                        "[...document.querySelectorAll('#tree > .tree-list > .tree-item')].map(e => e.dataset.id)")
                                .forEach(n -> top.add(n.asText()));
                        assertEquals(top.indexOf("coupons") + 1, top.indexOf(added), "right after the section it left");
                        chromium.eval("document.querySelector(" + q(row(added)) + ").focus(), true");
                        chromium.key("ArrowRight", "ArrowRight", 39, Chromium.ALT);
                        chromium.waitUntil(
                                "document.querySelectorAll('.tree-item[data-id=\"coupons\"] > .tree-list > .tree-item')["
                                        + before + "]?.dataset.id === " + q(added));
                        chromium.eval("document.querySelector(" + q(row(added)) + ").focus(), true");
                        chromium.key("Delete", "Delete", 46, 0);
                        chromium.waitUntil("!document.querySelector('.tree-item[data-id=" + q(added) + "]')");
                    },
                    chromium);
        }
    }

    @Test
    void thePageListSearchesOpensPagesByAddressAndUndoesADelete(TestInfo info) throws Exception {
        String id = newPage();
        String title = page(id).path("title").asText();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open(base + "/builder/");
                        chromium.waitUntil("document.querySelectorAll('.pages-table tbody tr').length > 1");
                        chromium.click("#page-search");
                        chromium.type(title);
                        chromium.waitUntil("document.querySelectorAll('.pages-table tbody tr').length === 1");
                        assertEquals(
                                id,
                                chromium.eval("document.querySelector('.pages-table tbody tr').dataset.page")
                                        .asText());
                        assertTrue(
                                text(chromium, ".pages-table tbody tr").contains("Draft"),
                                text(chromium, ".pages-table tbody tr"));

                        chromium.click(".pages-table tbody tr a");
                        chromium.waitUntil("document.querySelectorAll('.tree-item').length > 20");
                        assertEquals(
                                "?page=" + id, chromium.eval("location.search").asText());
                        chromium.eval("history.back(), true");
                        chromium.waitUntil("!!document.querySelector('.pages-table') && location.search === ''");
                        chromium.eval("history.forward(), true");
                        chromium.waitUntil(
                                "document.querySelectorAll('.tree-item').length > 20 && location.search === '?page="
                                        + id + "'");

                        chromium.open(base + "/builder/");
                        chromium.waitUntil(
                                "!!document.querySelector('.pages-table tbody tr[data-page=\"" + id + "\"]')");
                        chromium.click(".pages-table tbody tr[data-page=\"" + id + "\"] button.danger");
                        chromium.waitUntil("!document.querySelector('.pages-table tbody tr[data-page=\"" + id
                                + "\"]') && !!document.getElementById('undo-delete')");
                        assertEquals(404, server.get("/api/pages/" + id).status(), "deleted on the server");
                        chromium.click("#undo-delete");
                        chromium.waitUntil(
                                "!!document.querySelector('.pages-table tbody tr[data-page=\"" + id + "\"]')");
                        assertEquals(200, server.get("/api/pages/" + id).status(), "back");
                    },
                    chromium);
        }
    }

    @Test
    void dateTimesShowInTheOperatorsZoneAndAreStoredAsUtc(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.send("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
                        openEditor(chromium, id);
                        chromium.click(row("midnight-countdown"));
                        chromium.waitUntil("!!document.getElementById('field-target')");
                        String stored = component(page(id).path("components"), "midnight-countdown")
                                .at("/props/target")
                                .asText();
                        String local = java.time.OffsetDateTime.parse(stored)
                                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                                .toLocalDateTime()
                                .toString()
                                .substring(0, 16);
                        assertEquals(
                                local,
                                chromium.eval("document.getElementById('field-target').value")
                                        .asText(),
                                stored + " in Shanghai");
                        chromium.eval(
                                "(() => { const f = document.getElementById('field-target'); f.focus(); f.value = '2026-12-15T08:30';"
                                        + " f.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
                        waitSaved(chromium);
                        chromium.waitUntil(
                                "document.getElementById('field-target-zone').textContent.includes('2026-12-15T00:30:00Z')");
                        assertEquals(
                                "2026-12-15T00:30:00Z",
                                component(page(id).path("components"), "midnight-countdown")
                                        .at("/props/target")
                                        .asText());
                    },
                    chromium);
        }
    }

    @Test
    void theBuilderSpeaksChinese(TestInfo info) throws Exception {
        String id = newPage();
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open(base + "/builder/");
                        chromium.waitUntil("document.querySelectorAll('.pages-table tbody tr').length > 0");
                        assertEquals("Venue pages", text(chromium, "h1"));
                        chromium.eval("(() => { const s = document.querySelector('.lang select'); s.value = 'zh-CN';"
                                + " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
                        chromium.waitUntil("document.querySelector('h1').textContent === '会场页面'");
                        assertEquals(
                                "zh-CN",
                                chromium.eval("document.documentElement.lang").asText());
                        openEditor(chromium, id);
                        assertEquals("发布", text(chromium, "#publish"), "the choice is kept");
                        assertEquals("组件", text(chromium, "#palette-heading"));
                    },
                    chromium);
        }
    }

    @Test
    void thePageListAndTheEditorHaveNoSeriousAccessibilityViolations(TestInfo info) throws Exception {
        String id = newPage();
        String axe = new String(
                BuilderBrowserTest.class
                        .getResourceAsStream("/webtest/axe.min.js")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String check = "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))";
        try (Chromium chromium = Chromium.start(1600, 1000)) {
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open(base + "/builder/");
                        chromium.waitUntil("document.querySelectorAll('.pages-table tbody tr').length > 0");
                        chromium.eval(axe + "; true");
                        JsonNode list = chromium.eval(check);
                        assertEquals(0, list.size(), "page list: " + list);

                        openEditor(chromium, id);
                        chromium.click(row("hero"));
                        chromium.waitUntil("!!document.getElementById('field-title')");
                        chromium.eval(axe + "; true");
                        JsonNode editor = chromium.eval(check);
                        assertEquals(0, editor.size(), "editor: " + editor);
                    },
                    chromium);
        }
    }
}
