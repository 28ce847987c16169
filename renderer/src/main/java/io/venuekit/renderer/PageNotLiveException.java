package io.venuekit.renderer;

import java.time.Instant;

/**
 * The published page is not shown to this request: its schedule has not started (HTTP 404),
 * has ended (HTTP 410), or its page-level targeting excludes the request (HTTP 404).
 */
public final class PageNotLiveException extends RenderException {

    /** Why the page is not served. */
    public enum Reason {
        NOT_STARTED,
        ENDED,
        NOT_TARGETED
    }

    private final Reason reason;

    private PageNotLiveException(Reason reason, String code, String message) {
        super(code, message);
        this.reason = reason;
    }

    static PageNotLiveException notStarted(String slug, Instant start, Instant now) {
        return new PageNotLiveException(
                Reason.NOT_STARTED, "not-started", "page '" + slug + "' starts at " + start + ", it is " + now);
    }

    static PageNotLiveException ended(String slug, Instant end, Instant now) {
        return new PageNotLiveException(
                Reason.ENDED, "ended", "page '" + slug + "' ended at " + end + ", it is " + now);
    }

    static PageNotLiveException notTargeted(String slug, String rule) {
        return new PageNotLiveException(
                Reason.NOT_TARGETED, "not-targeted", "page '" + slug + "' is not shown to this request: " + rule);
    }

    public Reason reason() {
        return reason;
    }
}
