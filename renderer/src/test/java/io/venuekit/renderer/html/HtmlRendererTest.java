package io.venuekit.renderer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.image.AssetCatalog;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LayoutRenderer renderer = new LayoutRenderer(ComponentRegistry.loadDefault());
    private final HtmlRenderer html = new HtmlRenderer();

    private Layout layout(Tier tier, String componentsJson) throws Exception {
        ObjectNode snapshot = MAPPER.createObjectNode()
                .put("pageId", "p1")
                .put("number", 3)
                .put("slug", "s")
                .put("title", "T <b>");
        snapshot.set("components", MAPPER.readTree(componentsJson));
        return renderer.render(
                snapshot,
                DeviceProfile.ofTier(tier, "test"),
                ClientCapabilities.DEFAULT,
                AssetCatalog.EMPTY,
                RenderRequest.at(Instant.parse("2026-11-11T00:00:00Z")));
    }

    private static final String TEXT =
            "[{\"id\": \"t1\", \"type\": \"rich-text\", \"props\": {\"text\": \"<script>alert(1)</script>\"}, \"children\": []}]";

    @Test
    void lowTierHasNoScriptAndHigherTiersDo() throws Exception {
        assertFalse(html.render(layout(Tier.LOW, TEXT)).contains("<script"));
        assertTrue(html.render(layout(Tier.HIGH, TEXT)).contains("<script>"));
    }

    @Test
    void escapesTextFromThePage() throws Exception {
        String page = html.render(layout(Tier.HIGH, TEXT));
        // the layout has taken out the "<" that would start HTML in an app's markdown; what is left is escaped here
        assertTrue(page.contains("script&gt;alert(1)/script&gt;"), page);
        assertFalse(page.contains("<script>alert"), page);
        assertTrue(page.contains("<title>T &lt;b&gt;</title>"));
    }

    @Test
    void linksToTheNextPageWithoutJavascript() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            many.append(i > 0 ? "," : "")
                    .append("{\"id\": \"s")
                    .append(i)
                    .append("\", \"type\": \"spacer\", \"props\": {}, \"children\": []}");
        }
        Layout low = layout(Tier.LOW, many.append("]").toString());
        String page = html.render(low);
        // the cursor is cut for the low tier, so the link pins it
        assertTrue(page.contains("href=\"?cursor=" + low.next().orElseThrow() + "&amp;tier=low\""), page);
        assertEquals(4, page.split("vk-spacer").length - 1);
    }

    @Test
    void aTypeWithoutAFragmentGetsTheGenericOneNotAnError() throws Exception {
        Layout layout = layout(Tier.LOW, TEXT);
        ObjectNode payload = layout.payload().deepCopy();
        ((ArrayNode) payload.get("components"))
                .addObject()
                .put("id", "x1")
                .put("type", "hologram")
                .putObject("props")
                .put("title", "Beam me up");
        ((ObjectNode) payload.get("components").get(1)).putArray("children");
        String page = html.render(new LayoutProbe(payload).layout());
        assertTrue(page.contains("data-type=\"hologram\""), page);
        assertTrue(page.contains("Beam me up"));
        assertFalse(html.hasFragment("../page"), "type names never reach the file system");
    }

    @Test
    void tabsAreDetailsElementsSoTheyWorkWithoutJavascript() throws Exception {
        String tabs = "[{\"id\": \"tb\", \"type\": \"tabs\", \"props\": {\"initialTab\": 1}, \"children\": ["
                + "{\"id\": \"a\", \"type\": \"section\", \"props\": {\"title\": \"Phones\"}, \"children\": []},"
                + "{\"id\": \"b\", \"type\": \"section\", \"props\": {\"title\": \"Beauty\"}, \"children\": []}]}]";
        String page = html.render(layout(Tier.LOW, tabs));
        assertTrue(page.contains("<details id=\"a-tab\">\n<summary>Phones</summary>"), page);
        assertTrue(page.contains("<details id=\"b-tab\" open=\"open\">\n<summary>Beauty</summary>"), page);
    }

    /** Builds a {@link Layout} around a hand-made payload, as the server's cache would hold one. */
    private record LayoutProbe(JsonNode payload) {
        Layout layout() {
            return io.venuekit.renderer.LayoutsForTests.of(payload);
        }
    }

    private static final String CARDS =
            "[{\"id\": \"grid\", \"type\": \"product-grid\", \"props\": {\"columns\": 2}, \"children\": ["
                    + "{\"id\": \"c1\", \"type\": \"product-card\", \"props\": {\"productId\": \"sku-1\", \"title\": \"One\","
                    + " \"showOriginalPrice\": true, \"campaignPrice\": {\"cents\": 39900}}, \"children\": []},"
                    + "{\"id\": \"c2\", \"type\": \"product-card\", \"props\": {\"productId\": \"sku-2\", \"title\": \"Two\"}, \"children\": []},"
                    + "{\"id\": \"c3\", \"type\": \"product-card\", \"props\": {\"productId\": \"sku-3\", \"title\": \"Three\"}, \"children\": []},"
                    + "{\"id\": \"c4\", \"type\": \"product-card\", \"props\": {\"productId\": \"sku-4\", \"title\": \"Four\","
                    + " \"campaignPrice\": {\"cents\": 500}}, \"children\": []}]}]";

    private static final String LIVE = """
            {"priceSnapshot": "s7", "items": {"product": {
              "sku-1": {"price": {"cents": 9900}, "originalPrice": {"cents": 19900}},
              "sku-2": {"price": {"cents": 1250}, "soldOut": true}}},
             "soldOut": ["c2"], "hidden": [{"component": "c3", "reason": "missing"}],
             "unresolved": [{"component": "c4", "source": "elsewhere", "id": "x"}]}""";

    @Test
    void aPageWithoutScriptShowsTheLiveDataItIsGivenNotThePublishedPrices() throws Exception {
        String page = html.renderWithLiveData(layout(Tier.LOW, CARDS), MAPPER.readTree(LIVE));
        assertFalse(page.contains("<script"), page);
        assertTrue(page.contains(">¥99.00<"), "the live price: " + page);
        assertFalse(page.contains("¥399.00"), "never the published one beside it: " + page);
        assertTrue(page.contains(">¥199.00</s>"), "the original price, struck through: " + page);
        int at = page.indexOf("id=\"c2\"");
        String two = page.substring(page.lastIndexOf("<article", at), page.indexOf("</article>", at));
        assertTrue(two.contains("vk-soldout") && two.contains("Sold out") && two.contains("¥12.50"), two);
        assertFalse(page.contains("id=\"c3\""), "an item the source no longer has is left out: " + page);
        assertTrue(page.contains(">¥5.00<"), "a card bound to a source not served here keeps its published price");
    }

    @Test
    void withoutLiveDataBoundCardsShowNoPriceRatherThanAPublishedOne() throws Exception {
        String page = html.renderWithLiveData(layout(Tier.LOW, CARDS), null);
        assertFalse(page.contains("¥399.00"), page);
        assertFalse(page.contains("¥5.00"), page);
        assertTrue(page.contains("id=\"c3\""), "nothing is hidden on a guess: " + page);
    }

    @Test
    void withoutBeingGivenLiveDataThePageShowsWhatWasPublished() throws Exception {
        assertTrue(html.render(layout(Tier.LOW, CARDS)).contains("¥399.00"));
    }
}
