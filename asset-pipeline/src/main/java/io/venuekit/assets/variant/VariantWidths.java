package io.venuekit.assets.variant;

import io.venuekit.device.TierPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The widths variants are made at. The default is {@code tier-policy.json}'s (device-profiles), which
 * follows the device tiers: each tier's widest image (480 low, 720 mid, 1080 high) and 240 for grid
 * cells and thumbnails. Widths wider than the crop are skipped: a variant is never upscaled.
 */
public record VariantWidths(List<Integer> widths) {

    public static final VariantWidths DEFAULT = new VariantWidths(TierPolicy.DEFAULT.variantWidths());

    public VariantWidths {
        if (widths == null || widths.isEmpty()) {
            throw new IllegalArgumentException("at least one variant width is needed");
        }
        widths = widths.stream()
                .peek(w -> {
                    if (w <= 0) {
                        throw new IllegalArgumentException("variant widths must be positive, got " + w);
                    }
                })
                .distinct()
                .sorted()
                .toList();
    }

    public int largest() {
        return widths.get(widths.size() - 1);
    }

    /**
     * The widths to make from a crop {@code available} pixels wide, largest first. When the crop is
     * narrower than every width, one variant at the crop's own width is made instead of none.
     */
    public List<Integer> forCrop(int available) {
        List<Integer> fitting = new ArrayList<>();
        for (int i = widths.size() - 1; i >= 0; i--) {
            if (widths.get(i) <= available) {
                fitting.add(widths.get(i));
            }
        }
        if (fitting.isEmpty()) {
            fitting.add(Math.max(1, available));
        }
        return List.copyOf(fitting);
    }

    /** The widest variant a crop {@code available} pixels wide gets; what decoding must still cover. */
    public int largestFor(int available) {
        return forCrop(available).get(0);
    }
}
