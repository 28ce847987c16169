package io.venuekit.renderer.image;

import java.util.Optional;

/**
 * Picks the file to send for a slot: the slot's shape, a format the client decodes (WebP when
 * it can, as it is a third smaller), and the narrowest width that still covers the pixels the
 * slot needs, else the widest there is.
 */
public final class VariantChooser {

    private VariantChooser() {}

    public static Optional<AssetVariant> choose(AssetView asset, String shape, int neededWidth, boolean webp) {
        boolean anyWebp = false;
        boolean anyOther = false;
        for (AssetVariant v : asset.variants()) {
            if (v.shape().equals(shape)) {
                anyWebp |= v.isWebp();
                anyOther |= !v.isWebp();
            }
        }
        boolean wantWebp = webp && anyWebp;
        if (!wantWebp && !anyOther) {
            return Optional.empty();
        }
        AssetVariant smallestCovering = null;
        AssetVariant largest = null;
        for (AssetVariant v : asset.variants()) {
            if (!v.shape().equals(shape) || v.isWebp() != wantWebp) {
                continue;
            }
            if (largest == null || v.width() > largest.width()) {
                largest = v;
            }
            if (v.width() >= neededWidth && (smallestCovering == null || v.width() < smallestCovering.width())) {
                smallestCovering = v;
            }
        }
        return Optional.ofNullable(smallestCovering != null ? smallestCovering : largest);
    }
}
