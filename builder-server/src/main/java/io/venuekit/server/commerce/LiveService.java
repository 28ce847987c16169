package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.PageNotLiveException;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.live.DataSourceException;
import io.venuekit.renderer.live.LiveData;
import io.venuekit.renderer.live.LiveResolver;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.layout.PublishedPages;
import java.time.Clock;

/**
 * The live data of a venue's published snapshot ({@code GET /v1/venues/{slug}/live}): its bound
 * products, coupon pools and lotteries from {@link LiveResolver}. {@link #cached} answers from
 * memory on the event loop; {@link #serve} may ask the sources.
 */
public final class LiveService {

    private final PublishedPages pages;
    private final LiveResolver resolver;
    private final LayoutRenderer renderer;
    private final Clock clock;

    LiveService(PublishedPages pages, LiveResolver resolver, LayoutRenderer renderer, Clock clock) {
        this.pages = pages;
        this.resolver = resolver;
        this.renderer = renderer;
        this.clock = clock;
    }

    public long maxAgeSeconds() {
        return resolver.maxAgeSeconds();
    }

    /** From memory alone, or null. */
    public LiveData cached(String slug) {
        JsonNode snapshot = pages.cached(slug);
        if (snapshot == null) {
            return null;
        }
        checkSchedule(snapshot);
        return resolver.cached(snapshot);
    }

    /** Blocking. */
    public LiveData serve(String slug) {
        JsonNode snapshot = pages.find(slug)
                .orElseThrow(
                        () -> new ApiException(404, "not-found", "No published venue is called \"" + slug + "\"."));
        checkSchedule(snapshot);
        try {
            return resolver.resolve(snapshot);
        } catch (DataSourceException e) {
            throw new ApiException(
                    503,
                    "source-unavailable",
                    "Live prices and stock cannot be read now: " + e.getMessage()
                            + "; show the page without them and retry.",
                    java.util.List.of(),
                    io.venuekit.server.http.Json.MAPPER.createObjectNode().put("retryAfter", 2));
        }
    }

    /** Before a campaign starts its prices are not public; targeting is the layout's business, not this. */
    private void checkSchedule(JsonNode snapshot) {
        try {
            renderer.checkLive(snapshot, RenderRequest.at(clock.instant()));
        } catch (PageNotLiveException e) {
            if (e.reason() != PageNotLiveException.Reason.NOT_TARGETED) {
                throw new ApiException(
                        e.reason() == PageNotLiveException.Reason.ENDED ? 410 : 404, e.code(), e.getMessage());
            }
        }
    }
}
