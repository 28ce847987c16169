package io.venuekit.renderer;

import java.time.Instant;
import java.util.Set;

/**
 * The facts about one request that a snapshot's schedule and targeting look at.
 *
 * @param now       the time to check the schedule against
 * @param region    e.g. {@code CN}; null when unknown (a targeted component is then not shown)
 * @param platform  {@code android}, {@code ios}, {@code h5}, ...; null when unknown
 * @param audiences the audience segments the user belongs to, e.g. {@code new-user}
 */
public record RenderRequest(Instant now, String region, String platform, Set<String> audiences) {

    public RenderRequest {
        audiences = Set.copyOf(audiences);
    }

    /** A request known only by its time: it sees every untargeted component. */
    public static RenderRequest at(Instant now) {
        return new RenderRequest(now, null, null, Set.of());
    }
}
