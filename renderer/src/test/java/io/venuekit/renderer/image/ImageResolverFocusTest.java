package io.venuekit.renderer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14: a use's own focus resolves to files cropped for that focus and shape. */
class ImageResolverFocusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AssetView WIDE = view("asset-wide");
    private static final AssetView FOCUSED = view("focused");

    private static AssetView view(String tag) {
        return new AssetView(
                "#112233",
                null,
                List.of(new AssetVariant("16:9", 720, 405, "jpeg", 1000, "/assets/a/" + tag + ".jpg")));
    }

    /** Answers the focused files for one focus, "being made" for any other, and records what it was asked. */
    private static final class Catalog implements AssetCatalog {
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<AssetView> find(String assetId) {
            return Optional.of(WIDE);
        }

        @Override
        public Focused findFocused(String assetId, String shape, ImageFocus focus) {
            asked.add(assetId + "/" + shape + "/" + focus.key());
            return focus.key().equals("0.5000,0.8200")
                    ? new Focused(Optional.of(FOCUSED), null)
                    : new Focused(Optional.of(WIDE), "the crop for this image's focus is being made");
        }
    }

    private static ImageResolver.Resolution resolve(AssetCatalog catalog, String ref) throws Exception {
        JsonNode node = JSON.readTree(ref);
        return new ImageResolver(catalog, MediaBudget.HIGH, 2, false, false).resolve(node, "16:9", 360);
    }

    @Test
    void aUseWithItsOwnFocusGetsTheFilesCroppedForItsFocusAndShape() throws Exception {
        Catalog catalog = new Catalog();
        ImageResolver.Resolution r = resolve(catalog, "{\"asset\": \"a\", \"focus\": {\"x\": 0.5, \"y\": 0.82}}");
        assertEquals("/assets/a/focused.jpg", r.image().path("url").asText());
        assertNull(r.problem());
        assertEquals(List.of("a/16:9/0.5000,0.8200"), catalog.asked);
    }

    @Test
    void whileTheFocusedFilesAreMadeTheAssetWideCropIsServedWithTheReason() throws Exception {
        ImageResolver.Resolution r = resolve(
                new Catalog(), "{\"asset\": \"a\", \"focus\": {\"x\": 0.1, \"y\": 0.2, \"w\": 0.3, \"h\": 0.4}}");
        assertEquals("/assets/a/asset-wide.jpg", r.image().path("url").asText());
        assertTrue(r.problem().contains("being made"), r.problem());
    }

    @Test
    void aUseWithoutFocusOrWithOneNoValidatorWouldAcceptKeepsTheAssetWideCrop() throws Exception {
        for (String ref : List.of(
                "{\"asset\": \"a\"}",
                "{\"asset\": \"a\", \"focus\": {\"x\": 0.2, \"y\": 0.2, \"w\": 0, \"h\": 0.3}}",
                "{\"asset\": \"a\", \"focus\": {\"x\": 1.4, \"y\": 0.2}}",
                "{\"asset\": \"a\", \"focus\": {\"x\": 0.1, \"y\": 0.2, \"w\": 0.3}}")) {
            Catalog catalog = new Catalog();
            ImageResolver.Resolution r = resolve(catalog, ref);
            assertEquals("/assets/a/asset-wide.jpg", r.image().path("url").asText(), ref);
            assertNull(r.problem(), ref);
            assertTrue(catalog.asked.isEmpty(), ref);
        }
    }

    @Test
    void aCatalogThatMakesNoFocusedCropsAnswersAsBefore() throws Exception {
        ImageResolver.Resolution r = resolve(
                AssetCatalog.of(java.util.Map.of("a", WIDE)),
                "{\"asset\": \"a\", \"focus\": {\"x\": 0.5, \"y\": 0.82}}");
        assertEquals("/assets/a/asset-wide.jpg", r.image().path("url").asText());
        assertNull(r.problem());
    }

    @Test
    void focusesNoOneCouldTellApartShareAKey() {
        assertEquals(new ImageFocus(0.50001, 0.3, null, null).key(), new ImageFocus(0.49999, 0.3, null, null).key());
        assertTrue(!new ImageFocus(0.5, 0.3, null, null).key().equals(new ImageFocus(0.5, 0.3, 0.1, 0.1).key()));
    }
}
