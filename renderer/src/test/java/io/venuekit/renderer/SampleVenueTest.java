package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.samples.SampleVenue;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.html.HtmlRenderer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped sample venue, with the real component schemas, on every tier. */
class SampleVenueTest {

    private final LayoutRenderer renderer = new LayoutRenderer(GoldenLayoutTest.REGISTRY);
    private final TestAssets assets = new TestAssets();

    static ObjectNode snapshot() {
        ObjectNode s = SampleVenue.load().deepCopy();
        s.put("pageId", "sample");
        s.put("number", 1);
        return s;
    }

    static RenderRequest request(JsonNode snapshot) {
        Instant start =
                OffsetDateTime.parse(snapshot.at("/schedule/start").asText()).toInstant();
        return new RenderRequest(start.plusSeconds(3600), "CN", "android", Set.of());
    }

    private Layout first(Tier tier) {
        ObjectNode s = snapshot();
        return LayoutSchemaCheck.valid(
                renderer.render(s, GoldenLayoutTest.profile(tier), Pages.ALL_WEBP, assets, request(s)));
    }

    @Test
    void everyShownTopLevelComponentArrivesExactlyOnceOnEveryTier() {
        ObjectNode s = snapshot();
        for (Tier tier : Tier.values()) {
            DeviceProfile profile = GoldenLayoutTest.profile(tier);
            List<String> ids = new ArrayList<>();
            Layout layout = renderer.render(s, profile, Pages.ALL_WEBP, assets, request(s));
            int pages = 1;
            while (true) {
                LayoutSchemaCheck.valid(layout);
                layout.payload()
                        .get("components")
                        .forEach(c -> ids.add(c.get("id").asText()));
                if (layout.next().isEmpty()) {
                    break;
                }
                layout = renderer.page(
                        s,
                        profile,
                        Pages.ALL_WEBP,
                        assets,
                        request(s),
                        layout.next().get());
                pages++;
            }
            assertEquals(ids.stream().distinct().toList(), ids, tier.id());
            List<String> expected = new ArrayList<>();
            s.get("components").forEach(c -> expected.add(c.get("id").asText()));
            assertEquals(expected, ids, tier.id() + ": no top-level module of the sample is dropped or targeted away");
            assertTrue(tier != Tier.LOW || pages > 1, "the low tier pages");
        }
    }

    @Test
    void lowTierFirstResponseIsAtMost35PercentOfHighTierBytes() {
        double ratio =
                (double) first(Tier.LOW).bytes().length / first(Tier.HIGH).bytes().length;
        assertTrue(ratio <= 0.35, "low/high JSON bytes = " + ratio);
    }

    @Test
    void lowTierFirstScreenImagesAreAtMost30PercentOfHighTierImageBytes() {
        long low = imageBytes(first(Tier.LOW).payload());
        long high = imageBytes(first(Tier.HIGH).payload());
        assertTrue(low > 0, "the low first screen shows images");
        assertTrue((double) low / high <= 0.30, "low/high image bytes = " + low + "/" + high);
    }

    @Test
    void rendersToHtmlOnEveryTier() {
        HtmlRenderer html = new HtmlRenderer();
        for (Tier tier : Tier.values()) {
            String page = html.render(first(tier));
            assertTrue(page.contains("id=\"hero\""), tier.id());
            assertEquals(tier != Tier.LOW, page.contains("<script"), tier.id());
        }
    }

    @Test
    void neverChangesTheSnapshot() {
        ObjectNode s = snapshot();
        ObjectNode before = s.deepCopy();
        renderer.render(
                s,
                GoldenLayoutTest.profile(Tier.LOW),
                ClientCapabilities.parse("types=image,rich-text"),
                assets,
                request(s));
        assertEquals(before, s);
        assertFalse(s.toString().contains("img.example.com"));
    }

    /** The bytes of every image a payload references, at the sizes {@link TestAssets} gives its variants. */
    static long imageBytes(JsonNode node) {
        long sum = 0;
        if (node.isObject() && node.has("url") && node.has("w") && node.has("format")) {
            return Math.round(node.get("w").asLong()
                    * node.get("h").asLong()
                    * ("webp".equals(node.get("format").asText()) ? 0.12 : 0.18));
        }
        for (JsonNode child : node) {
            sum += imageBytes(child);
        }
        return sum;
    }
}
