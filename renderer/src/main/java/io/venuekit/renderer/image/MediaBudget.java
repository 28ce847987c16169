package io.venuekit.renderer.image;

import io.venuekit.device.Tier;
import io.venuekit.device.TierPolicy;

/**
 * How many image pixels a media tier may ask for: the device pixel ratio is capped, then the
 * width. A low-end phone on a 3x screen still gets a 1.5x image: the sharpness is not worth
 * the bytes and the decode memory there. The caps are data: {@code tier-policy.json} in device-profiles.
 *
 * @param dprCap   the highest device pixel ratio honoured
 * @param widthCap the widest image sent, in pixels
 */
public record MediaBudget(double dprCap, int widthCap) {

    public static final MediaBudget LOW = from(TierPolicy.DEFAULT.of(Tier.LOW));
    public static final MediaBudget MID = from(TierPolicy.DEFAULT.of(Tier.MID));
    public static final MediaBudget HIGH = from(TierPolicy.DEFAULT.of(Tier.HIGH));

    private static MediaBudget from(TierPolicy.Share share) {
        return new MediaBudget(share.dprCap(), share.widthCap());
    }

    public static MediaBudget of(Tier mediaTier) {
        return switch (mediaTier) {
            case LOW -> LOW;
            case MID -> MID;
            case HIGH -> HIGH;
        };
    }

    /** The pixel width wanted for a slot {@code cssWidth} CSS pixels wide on a screen of {@code dpr}. */
    public int pixelsFor(double cssWidth, double dpr) {
        double ratio = Math.min(dpr > 0 ? dpr : 1.0, dprCap);
        return (int) Math.min(Math.ceil(cssWidth * ratio), widthCap);
    }
}
