package io.venuekit.renderer.image;

import java.util.Map;
import java.util.Optional;

/** Looks up the processed variants of an uploaded asset. Implementations must be thread-safe. */
@FunctionalInterface
public interface AssetCatalog {

    /** A catalog that knows no asset: every image resolves to null with a warning. */
    AssetCatalog EMPTY = assetId -> Optional.empty();

    Optional<AssetView> find(String assetId);

    /**
     * What to show for a use of the asset with its own focus, in one shape.
     *
     * @param view    the files to choose from: that focus's crop, or the asset-wide one while it is being made
     * @param pending why the view is not that focus's crop (yet), for the payload's warnings; null when it is
     */
    record Focused(Optional<AssetView> view, String pending) {}

    /**
     * The files cropped for one use's own focus. A catalog that makes such crops starts making them
     * when asked and answers with the asset-wide files and a reason until they are ready; this
     * default (fixed catalogs, tests, benchmarks) answers with the asset-wide files as they are.
     */
    default Focused findFocused(String assetId, String shape, ImageFocus focus) {
        return new Focused(find(assetId), null);
    }

    /** A catalog over a fixed map, for tests, previews and benchmarks. */
    static AssetCatalog of(Map<String, AssetView> assets) {
        Map<String, AssetView> copy = Map.copyOf(assets);
        return assetId -> Optional.ofNullable(copy.get(assetId));
    }
}
