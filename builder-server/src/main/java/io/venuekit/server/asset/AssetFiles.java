package io.venuekit.server.asset;

import java.util.Map;
import java.util.Optional;

/** The bytes of assets: each upload's original and its variant files, by content-addressed name. */
public interface AssetFiles {

    /** Stores the original once; a second call for the same asset keeps the first. */
    void putOriginal(String assetId, byte[] bytes);

    Optional<byte[]> original(String assetId);

    /** Stores a variant file once; a file with this name for this asset is kept as it is (same name, same bytes). */
    void putVariant(String assetId, String name, byte[] bytes);

    /**
     * Stores the variant files of one job's result: those the asset does not have yet (a job taken
     * up again after a restart may have stored some before it stopped).
     */
    default void putVariants(String assetId, Map<String, byte[]> files) {
        files.forEach((name, bytes) -> putVariant(assetId, name, bytes));
    }

    Optional<byte[]> variant(String assetId, String name);

    void deleteVariant(String assetId, String name);
}
