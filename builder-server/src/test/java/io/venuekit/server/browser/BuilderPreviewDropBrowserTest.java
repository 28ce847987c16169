package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dragging from the palette onto a tier preview: the insertion line shows where the component
 * goes, it lands there, and a place the slots refuse is explained as in the tree.
 */
class BuilderPreviewDropBrowserTest {

    @TempDir
    Path dataDir;

    private static final String MID = ".phone[data-tier=\"mid\"] .preview-frame";
    /** The insertion line the mid phone shows just before the button is let go: parent@index, or none. */
    private static final String LINE =
            "(() => { const l = document.querySelector('.phone[data-tier=\"mid\"] .drop-line');"
                    + " return l && !l.hidden && l.getBoundingClientRect().width > 0 ? (l.dataset.parent || 'top') + '@' + l.dataset.index : 'none'; })()";

    private static List<String> children(Chromium chromium, String parent) throws Exception {
        List<String> ids = new ArrayList<>();
        String list = parent == null ? "#tree > .tree-list" : ".tree-item[data-id=\"" + parent + "\"] > .tree-list";
        chromium.eval("[...document.querySelectorAll('" + list.replace("'", "\\'")
                        + " > .tree-item')].map(e => e.dataset.id)")
                .forEach(n -> ids.add(n.asText()));
        return ids;
    }

    @Test
    void aPaletteItemDroppedOnAPreviewLandsWhereTheLineShowedAndARefusedPlaceIsExplained(TestInfo info)
            throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withSeedSample(true));
                Chromium chromium = Chromium.start(1600, 1000)) {
            String id = server.get("/api/pages").json().at("/pages/0/id").asText();
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open("http://127.0.0.1:" + server.port() + "/builder/?page=" + id);
                        chromium.waitUntil("document.querySelectorAll('.tree-item').length > 20");
                        // the low tier draws the first screen only (the rest loads later): the test drops on the mid
                        // one
                        chromium.waitUntil("!!document.querySelector('" + MID
                                + "')?.contentDocument?.getElementById('coupon-50')");

                        // the lower half of the countdown: after it, on the page's top level
                        List<String> top = children(chromium, null);
                        String shown = chromium.drag(
                                        ".palette-list li[data-type=\"spacer\"]",
                                        () -> chromium.pointInFrame(MID, "#midnight-countdown", 0.5, 0.8),
                                        LINE)
                                .asText();
                        assertEquals(
                                "top@" + (top.indexOf("midnight-countdown") + 1),
                                shown,
                                "the line is under the countdown");
                        chromium.waitUntil(
                                "document.querySelectorAll('#tree > .tree-list > .tree-item').length > " + top.size());
                        List<String> nowTop = children(chromium, null);
                        String spacer = nowTop.stream()
                                .filter(c -> !top.contains(c))
                                .findFirst()
                                .orElseThrow();
                        assertTrue(spacer.startsWith("spacer-"), spacer);
                        assertEquals(top.indexOf("midnight-countdown") + 1, nowTop.indexOf(spacer), nowTop.toString());
                        assertEquals(
                                0,
                                chromium.eval("document.querySelectorAll('.palette-dragging, .over-preview').length")
                                        .asInt(),
                                "the overlays are gone after the drop");

                        // the upper half of a coupon in a section: into the section, before that coupon
                        List<String> coupons = children(chromium, "coupons");
                        shown = chromium.drag(
                                        ".palette-list li[data-type=\"rich-text\"]",
                                        () -> chromium.pointInFrame(MID, "#coupon-100", 0.5, 0.25),
                                        LINE)
                                .asText();
                        assertEquals("coupons@" + coupons.indexOf("coupon-100"), shown);
                        chromium.waitUntil(
                                "document.querySelectorAll('.tree-item[data-id=\"coupons\"] > .tree-list > .tree-item').length > "
                                        + coupons.size());
                        List<String> nowCoupons = children(chromium, "coupons");
                        int at = coupons.indexOf("coupon-100");
                        assertTrue(
                                nowCoupons.get(at).startsWith("rich-text-"),
                                "the new text where the coupon was: " + nowCoupons);
                        assertEquals(at + 1, nowCoupons.indexOf("coupon-100"), nowCoupons.toString());

                        // a product card in a grid: refused there, with the tree's reason, and nothing added anywhere
                        chromium.waitUntil(
                                "!!document.querySelector('" + MID + "').contentDocument?.getElementById('deal-2')");
                        int rows = chromium.eval("document.querySelectorAll('.tree-item').length")
                                .asInt();
                        shown = chromium.drag(
                                        ".palette-list li[data-type=\"spacer\"]",
                                        () -> chromium.pointInFrame(MID, "#deal-2", 0.5, 0.5),
                                        LINE)
                                .asText();
                        assertEquals("none", shown, "no insertion line where the drop is refused");
                        chromium.waitUntil("!!document.getElementById('refusal')");
                        assertEquals(
                                "A product grid holds product cards only.",
                                chromium.eval("document.getElementById('refusal').textContent")
                                        .asText());
                        assertEquals(
                                rows,
                                chromium.eval("document.querySelectorAll('.tree-item').length")
                                        .asInt(),
                                "nothing was dropped");

                        chromium.waitUntil("document.getElementById('save-status').textContent.startsWith('Saved')");
                        JsonNode saved = server.get("/api/pages/" + id).json();
                        List<String> savedTop = new ArrayList<>();
                        saved.path("components")
                                .forEach(c -> savedTop.add(c.path("id").asText()));
                        assertEquals(
                                nowTop, savedTop, "the saved draft has the dropped spacer where the tree shows it");
                    },
                    chromium);
        }
    }
}
