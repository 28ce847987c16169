package io.venuekit.device;

import java.util.List;
import java.util.Set;

/**
 * What the renderer needs to know about the device that asks.
 *
 * @param tier          what the device itself can render (memory, CPU, age)
 * @param mediaTier     the tier for media in this request: the device tier, lowered by a slow
 *                      network or Save-Data, never raised
 * @param reasons       why, in the order the rules decided, e.g. {@code "device-memory=1"}
 * @param os            {@code android}, {@code ios}, {@code harmonyos}, {@code other}
 * @param osVersion     major version, 0 when unknown
 * @param model         the device model when known, else null
 * @param dpr           device pixel ratio (1.0 when unknown)
 * @param viewportWidth CSS pixels, 0 when unknown
 * @param network       effective connection type: {@code slow-2g}, {@code 2g}, {@code 3g},
 *                      {@code 4g}, or null when unknown
 * @param saveData      the client asked to save data
 * @param reducedMotion the user prefers reduced motion: animation off at any tier
 * @param hintsUsed     the client-hint header names that were present and consulted
 *                      (for {@code Vary}); lower case
 */
public record DeviceProfile(
        Tier tier,
        Tier mediaTier,
        List<String> reasons,
        String os,
        int osVersion,
        String model,
        double dpr,
        int viewportWidth,
        String network,
        boolean saveData,
        boolean reducedMotion,
        Set<String> hintsUsed) {

    public DeviceProfile {
        reasons = List.copyOf(reasons);
        hintsUsed = Set.copyOf(hintsUsed);
    }

    /** A profile with only a tier, for previews and tests. */
    public static DeviceProfile ofTier(Tier tier, String reason) {
        return new DeviceProfile(
                tier,
                tier,
                List.of(reason),
                "other",
                0,
                null,
                tier == Tier.LOW ? 2.0 : 3.0,
                0,
                null,
                false,
                false,
                Set.of());
    }
}
