package io.venuekit.renderer.image;

import java.util.Map;
import java.util.Optional;

/** Looks up the processed variants of an uploaded asset. Implementations must be thread-safe. */
@FunctionalInterface
public interface AssetCatalog {

    /** A catalog that knows no asset: every image resolves to null with a warning. */
    AssetCatalog EMPTY = assetId -> Optional.empty();

    Optional<AssetView> find(String assetId);

    /** A catalog over a fixed map, for tests, previews and benchmarks. */
    static AssetCatalog of(Map<String, AssetView> assets) {
        Map<String, AssetView> copy = Map.copyOf(assets);
        return assetId -> Optional.ofNullable(copy.get(assetId));
    }
}
