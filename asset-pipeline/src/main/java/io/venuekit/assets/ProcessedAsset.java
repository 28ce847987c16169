package io.venuekit.assets;

import io.venuekit.assets.variant.Variant;
import java.util.List;
import java.util.Optional;

/**
 * The result of processing: the manifest to store, the variant files to store next to it, and the
 * decoded source for a quick {@link AssetProcessor#replan} (drop it if memory matters more).
 */
public record ProcessedAsset(AssetManifest manifest, List<Variant> variants, SourceImage source) {

    public ProcessedAsset {
        variants = List.copyOf(variants);
    }

    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public long totalBytes() {
        return variants.stream().mapToLong(v -> v.data().length).sum();
    }
}
