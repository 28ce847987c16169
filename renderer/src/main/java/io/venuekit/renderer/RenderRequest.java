package io.venuekit.renderer;

import java.time.Instant;
import java.util.Set;

/**
 * The facts about one request that a snapshot's schedule, targeting and experiments look at.
 *
 * @param now       the time to check the schedule against
 * @param region    e.g. {@code CN}; null when unknown (a targeted component is then not shown)
 * @param platform  {@code android}, {@code ios}, {@code h5}, ...; null when unknown
 * @param audiences the audience segments the user belongs to, e.g. {@code new-user}
 * @param subject   the user's or device's id that experiments assign variants by; null when the
 *                  client sent none (every experiment then shows its first variant)
 */
public record RenderRequest(Instant now, String region, String platform, Set<String> audiences, String subject) {

    public RenderRequest {
        audiences = Set.copyOf(audiences);
    }

    /** A request without a user or device id. */
    public RenderRequest(Instant now, String region, String platform, Set<String> audiences) {
        this(now, region, platform, audiences, null);
    }

    /** A request known only by its time: it sees every untargeted component. */
    public static RenderRequest at(Instant now) {
        return new RenderRequest(now, null, null, Set.of());
    }

    /** The same request for another user or device. */
    public RenderRequest withSubject(String subject) {
        return new RenderRequest(now, region, platform, audiences, subject);
    }
}
