package io.venuekit.server.layout;

import io.venuekit.device.DeviceProfile;
import io.venuekit.device.TierPolicy;
import java.util.List;

/**
 * Folds a request's device profile onto a few representative values, so that cached layouts
 * are keyed by tier and buckets, never by the raw User-Agent: the DPR to 1, 1.5, 2 or 3, the
 * viewport down to a common phone width, and the model out of the reasons. The buckets are
 * {@code tier-policy.json}'s (device-profiles).
 */
final class ProfileNormaliser {

    private static final double[] DPRS = TierPolicy.DEFAULT.dprBuckets().stream()
            .mapToDouble(Double::doubleValue)
            .toArray();
    private static final int[] VIEWPORTS = TierPolicy.DEFAULT.viewportBuckets().stream()
            .mapToInt(Integer::intValue)
            .toArray();

    private ProfileNormaliser() {}

    static DeviceProfile normalise(DeviceProfile p) {
        String model = p.model();
        List<String> reasons = p.reasons().stream()
                .map(r -> model == null || model.isEmpty() ? r : r.replace(model, "*"))
                .toList();
        return new DeviceProfile(
                p.tier(),
                p.mediaTier(),
                reasons,
                p.os(),
                p.osVersion(),
                null,
                dpr(p.dpr()),
                viewport(p.viewportWidth()),
                p.network(),
                p.saveData(),
                p.reducedMotion(),
                p.hintsUsed());
    }

    static double dpr(double dpr) {
        double best = DPRS[0];
        for (double d : DPRS) {
            if (Math.abs(d - dpr) < Math.abs(best - dpr)) {
                best = d;
            }
        }
        return best;
    }

    /** The largest common width that fits; 0 (unknown) stays 0. */
    static int viewport(int width) {
        if (width <= 0) {
            return 0;
        }
        int best = VIEWPORTS[0];
        for (int v : VIEWPORTS) {
            if (v <= width) {
                best = v;
            }
        }
        return best;
    }
}
