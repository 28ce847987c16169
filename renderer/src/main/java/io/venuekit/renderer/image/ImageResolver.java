package io.venuekit.renderer.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Optional;

/**
 * Turns an image prop {@code {"asset", "focus"?, "alt"?}} into what a client lays out and fetches:
 * {@code {"url", "w", "h", "format", "variants", "placeholder", "preview"?, "alt"?}}. One instance per render:
 * it holds that request's catalog, screen and formats.
 */
public final class ImageResolver {

    /** The answer for one image: the resolved node, or null and the reason; or both, when a stand-in is served. */
    public record Resolution(ObjectNode image, String problem) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AssetCatalog catalog;
    private final MediaBudget budget;
    private final double dpr;
    private final boolean webp;
    private final boolean previews;

    /**
     * @param previews send the tiny data-URI preview as well as the colour; worth its bytes only
     *                 where the network is not the bottleneck
     */
    public ImageResolver(AssetCatalog catalog, MediaBudget budget, double dpr, boolean webp, boolean previews) {
        this.catalog = catalog;
        this.budget = budget;
        this.dpr = dpr;
        this.webp = webp;
        this.previews = previews;
    }

    public Resolution resolve(JsonNode ref, String shape, double cssWidth) {
        String assetId = ref.path("asset").asText("");
        if (assetId.isEmpty()) {
            return new Resolution(null, "image has no asset id");
        }
        // a use with its own focus gets files cropped for it (same asset, shape and focus: same files)
        Optional<ImageFocus> focus = ImageFocus.of(ref);
        String pending = null;
        Optional<AssetView> asset;
        if (focus.isPresent()) {
            AssetCatalog.Focused focused = catalog.findFocused(assetId, shape, focus.get());
            asset = focused.view();
            pending = focused.pending();
        } else {
            asset = catalog.find(assetId);
        }
        if (asset.isEmpty()) {
            return new Resolution(null, "asset '" + assetId + "' not found; the image is left empty");
        }
        int needed = budget.pixelsFor(cssWidth, dpr);
        Optional<AssetVariant> variant = VariantChooser.choose(asset.get(), shape, needed, webp);
        if (variant.isEmpty()) {
            return new Resolution(
                    null,
                    "asset '" + assetId + "' has no " + shape + " variant in a format this client decodes;"
                            + " the image is left empty");
        }
        AssetVariant v = variant.get();
        ObjectNode image = NODES.objectNode();
        image.put("url", v.url());
        image.put("w", v.width());
        image.put("h", v.height());
        image.put("format", v.format());
        // the other widths of the same crop and format, as srcset would list them, within the tier's
        // width cap: a client that knows its layout better picks from these and stays in budget
        ArrayNode widths = image.putArray("variants");
        asset.get().variants().stream()
                .filter(o -> o.shape().equals(shape)
                        && o.format().equals(v.format())
                        && o.width() <= Math.max(budget.widthCap(), v.width()))
                .sorted(Comparator.comparingInt(AssetVariant::width))
                .forEach(o -> widths.addObject()
                        .put("url", o.url())
                        .put("w", o.width())
                        .put("h", o.height()));
        image.put("placeholder", asset.get().placeholder());
        if (previews && asset.get().preview() != null) {
            image.put("preview", asset.get().preview());
        }
        if (ref.hasNonNull("alt")) {
            image.set("alt", ref.get("alt"));
        }
        return new Resolution(image, pending);
    }
}
