package io.venuekit.device.ua;

import io.venuekit.device.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link FallbackTable} from labelled cases no rule decided: per key, the tier
 * with the least expected cost, where serving a low device high costs {@link #LOW_AS_HIGH}
 * times a plain miss (the safety bias), and a key needs {@link #MIN_SUPPORT} cases of its own
 * (else the lookup backs off to a coarser key).
 */
public final class FallbackFit {

    /** Cost of serving a true-low device the high tier, against 1 for a one-step miss. */
    public static final double LOW_AS_HIGH = 20;

    public static final int MIN_SUPPORT = 8;
    /** Pseudo-count of true-low devices in every cell when weighing high. */
    static final double PRIOR_LOW = 0.25;

    private final BrandTable brands;
    private final Map<String, int[]> counts = new HashMap<>();

    public FallbackFit(BrandTable brands) {
        this.brands = brands;
    }

    /** Counts one labelled case under each key of the back-off. */
    public void add(UserAgentFacts f, Tier label) {
        for (String key : FallbackTable.keys(f, brands.brand(f.model()))) {
            counts.computeIfAbsent(key, k -> new int[3])[label.ordinal()]++;
        }
    }

    public FallbackTable table() {
        List<FallbackTable.Cell> cells = new ArrayList<>();
        counts.forEach((key, c) -> {
            int high = c[Tier.HIGH.ordinal()], mid = c[Tier.MID.ordinal()], low = c[Tier.LOW.ordinal()];
            if (high + mid + low < MIN_SUPPORT) {
                return;
            }
            String[] k = key.split("\\|");
            cells.add(new FallbackTable.Cell(k[0], k[1], k[2], k[3], best(low, mid, high), low, mid, high));
        });
        return new FallbackTable(cells, brands);
    }

    /**
     * The tier of least expected cost for these counts of true tiers. A quarter of a low device
     * is added to every cell, so a handful of high devices alone does not make a cell high.
     */
    static Tier best(int low, int mid, int high) {
        double lows = low + PRIOR_LOW;
        double asLow = mid * 1.0 + high * 2.0;
        double asMid = lows * 1.0 + high * 1.0;
        double asHigh = lows * LOW_AS_HIGH + mid * 1.5;
        if (asLow <= asMid && asLow <= asHigh) {
            return Tier.LOW;
        }
        return asMid <= asHigh ? Tier.MID : Tier.HIGH;
    }
}
