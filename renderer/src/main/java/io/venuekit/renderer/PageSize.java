package io.venuekit.renderer;

import io.venuekit.device.Tier;
import io.venuekit.device.TierPolicy;

/**
 * How many top-level modules one page of the layout holds, per device tier. A low-end phone
 * lays out and decodes the first screen before the rest arrives; a high-end one takes most of
 * a venue in one response. {@link #DEFAULT} is {@code tier-policy.json}'s (device-profiles).
 */
public record PageSize(int low, int mid, int high) {

    public static final PageSize DEFAULT = new PageSize(
            TierPolicy.DEFAULT.of(Tier.LOW).pageSize(),
            TierPolicy.DEFAULT.of(Tier.MID).pageSize(),
            TierPolicy.DEFAULT.of(Tier.HIGH).pageSize());

    public PageSize {
        if (low < 1 || mid < 1 || high < 1) {
            throw new IllegalArgumentException("page sizes must be at least 1, got " + low + "/" + mid + "/" + high);
        }
    }

    public int of(Tier tier) {
        return switch (tier) {
            case LOW -> low;
            case MID -> mid;
            case HIGH -> high;
        };
    }
}
