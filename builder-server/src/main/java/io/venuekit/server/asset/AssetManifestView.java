package io.venuekit.server.asset;

import io.venuekit.assets.variant.Placeholder;
import java.util.List;
import java.util.Map;

/**
 * What a page renderer needs of an asset: the variant files being served (the last finished job's,
 * even while a new focus is being planned) and a placeholder per shape.
 *
 * @param width        the source width as seen (after EXIF orientation)
 * @param height       the source height as seen
 * @param placeholders by shape ("16:9"): average colour and a tiny blurred preview (data URI)
 * @param unavailable  detectors that could not run for this asset, for the renderer's notes
 */
public record AssetManifestView(
        String id,
        AssetStatus status,
        int width,
        int height,
        List<VariantView> variants,
        Map<String, Placeholder> placeholders,
        List<String> unavailable) {

    public AssetManifestView {
        variants = List.copyOf(variants);
        placeholders = Map.copyOf(placeholders);
        unavailable = List.copyOf(unavailable);
    }

    /** The placeholder for a page that shows one colour per asset: the square crop's, else the first shape's. */
    public Placeholder placeholder() {
        Placeholder square = placeholders.get("1:1");
        return square != null
                ? square
                : placeholders.values().stream().findFirst().orElse(null);
    }

    /**
     * One served file.
     *
     * @param format "jpeg" or "webp"
     * @param url    {@code /assets/<id>/<content-addressed name>}: immutable, cache forever
     */
    public record VariantView(String shape, int width, int height, String format, int bytes, String url) {}
}
