package io.venuekit.renderer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.device.Tier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantChooserTest {

    private static final AssetView ASSET = new AssetView(
            "#112233",
            "data:image/webp;base64,AA",
            List.of(
                    v("16:9", 480, "jpeg"),
                    v("16:9", 720, "jpeg"),
                    v("16:9", 1080, "jpeg"),
                    v("16:9", 480, "webp"),
                    v("16:9", 720, "webp"),
                    v("16:9", 1080, "webp"),
                    v("1:1", 240, "jpeg"),
                    v("1:1", 480, "jpeg")));

    private static AssetVariant v(String shape, int w, String format) {
        return new AssetVariant(shape, w, w * 9 / 16, format, w * 100L, "u/" + shape + "/" + w + "." + format);
    }

    @Test
    void picksTheNarrowestVariantThatCoversTheNeed() {
        assertEquals(
                720,
                VariantChooser.choose(ASSET, "16:9", 500, false).orElseThrow().width());
        assertEquals(
                480,
                VariantChooser.choose(ASSET, "16:9", 480, false).orElseThrow().width());
    }

    @Test
    void picksTheWidestWhenNoneCovers() {
        assertEquals(
                480,
                VariantChooser.choose(ASSET, "1:1", 900, false).orElseThrow().width());
    }

    @Test
    void prefersWebpOnlyWhenAccepted() {
        assertEquals(
                "webp",
                VariantChooser.choose(ASSET, "16:9", 500, true).orElseThrow().format());
        assertEquals(
                "jpeg",
                VariantChooser.choose(ASSET, "16:9", 500, false).orElseThrow().format());
        assertEquals(
                "jpeg",
                VariantChooser.choose(ASSET, "1:1", 200, true).orElseThrow().format(),
                "no WebP of that shape");
    }

    @Test
    void neverSendsWebpToAClientThatDidNotAccept() {
        AssetView webpOnly = new AssetView("#000000", null, List.of(v("2:1", 480, "webp")));
        assertTrue(VariantChooser.choose(webpOnly, "2:1", 100, false).isEmpty());
        assertTrue(VariantChooser.choose(webpOnly, "2:1", 100, true).isPresent());
    }

    @Test
    void matchesTheShapeExactly() {
        assertTrue(VariantChooser.choose(ASSET, "3:4", 100, true).isEmpty());
    }

    @Test
    void capsDprAndWidthPerMediaTier() {
        assertEquals(450, MediaBudget.of(Tier.LOW).pixelsFor(300, 3.0), "1.5x of 300");
        assertEquals(480, MediaBudget.of(Tier.LOW).pixelsFor(375, 3.0), "1.5x of 375 is 563: width cap");
        assertEquals(720, MediaBudget.of(Tier.MID).pixelsFor(375, 3.0), "2x capped at 720");
        assertEquals(1080, MediaBudget.of(Tier.HIGH).pixelsFor(414, 3.0));
        assertEquals(375, MediaBudget.of(Tier.HIGH).pixelsFor(375, 1.0));
        assertEquals(188, MediaBudget.of(Tier.HIGH).pixelsFor(187.5, 0), "unknown DPR counts as 1");
    }

    @Test
    void resolverWritesLayoutFieldsAndSkipsThePreviewWhenAsked() {
        AssetCatalog catalog = AssetCatalog.of(Map.of("a1", ASSET));
        var ref = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("asset", "a1")
                .put("alt", "Shoes");
        var low = new ImageResolver(catalog, MediaBudget.LOW, 3.0, true, false).resolve(ref, "16:9", 375);
        assertNull(low.problem());
        assertEquals(
                "{\"url\":\"u/16:9/480.webp\",\"w\":480,\"h\":270,\"format\":\"webp\","
                        + "\"variants\":[{\"url\":\"u/16:9/480.webp\",\"w\":480,\"h\":270}],\"placeholder\":\"#112233\",\"alt\":\"Shoes\"}",
                low.image().toString(),
                "capped at 480 px: the 480 variant, and no wider one offered");
        var high = new ImageResolver(catalog, MediaBudget.HIGH, 3.0, false, true).resolve(ref, "16:9", 375);
        assertEquals(1080, high.image().get("w").asInt());
        var widths = new java.util.ArrayList<Integer>();
        high.image().get("variants").forEach(v -> widths.add(v.get("w").asInt()));
        assertEquals(widths.stream().sorted().toList(), widths, "a srcset, narrowest first");
        assertTrue(widths.size() > 1 && widths.contains(1080), widths.toString());
        high.image()
                .get("variants")
                .forEach(v -> assertTrue(
                        v.get("url").asText().endsWith(".jpg")
                                || v.get("url").asText().endsWith(".jpeg"),
                        "the chosen format only: " + v));
        assertEquals("jpeg", high.image().get("format").asText());
        assertTrue(high.image().has("preview"));
        var missing = new ImageResolver(catalog, MediaBudget.HIGH, 3.0, false, true)
                .resolve(ref.deepCopy().put("asset", "nope"), "16:9", 375);
        assertNull(missing.image());
        assertFalse(missing.problem().isEmpty());
    }
}
