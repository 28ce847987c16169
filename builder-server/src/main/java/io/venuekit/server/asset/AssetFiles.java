package io.venuekit.server.asset;

import java.util.Map;
import java.util.Optional;

/** The bytes of assets: each upload's original and its variant files, by content-addressed name. */
public interface AssetFiles {

    /** Stores the original once; a second call for the same asset keeps the first. */
    void putOriginal(String assetId, byte[] bytes);

    Optional<byte[]> original(String assetId);

    /**
     * Stores the variant files of one job's result, by name: those the asset does not have yet (a job
     * taken up again after a restart may have stored some before it stopped; same name, same bytes).
     */
    void putVariants(String assetId, Map<String, byte[]> files);

    Optional<byte[]> variant(String assetId, String name);

    void deleteVariant(String assetId, String name);
}
