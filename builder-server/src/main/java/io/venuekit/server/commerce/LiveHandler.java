package io.venuekit.server.commerce;

import io.venuekit.renderer.live.LiveData;
import io.venuekit.server.http.EntityTags;
import io.venuekit.server.http.Requests;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/venues/{slug}/live}: the small response beside the layout that carries what
 * changes by the second. Cached by clients and CDNs for {@code maxAge} seconds (1), with an ETag
 * made of the sources' snapshot ids, so equal data on any instance revalidates to 304.
 */
public final class LiveHandler {

    private final LiveService live;

    public LiveHandler(LiveService live) {
        this.live = live;
    }

    public void live(RoutingContext ctx) {
        String slug = ctx.pathParam("slug");
        LiveData hit = live.cached(slug);
        if (hit != null) {
            send(ctx, hit);
            return;
        }
        Requests.blocking(ctx, () -> live.serve(slug))
                .onSuccess(data -> send(ctx, data))
                .onFailure(ctx::fail);
    }

    private void send(RoutingContext ctx, LiveData data) {
        var response = ctx.response();
        // a stale answer (a source failed) is not worth a shared cache's keeping at all
        response.putHeader("Cache-Control", data.stale() ? "no-cache" : "public, max-age=" + live.maxAgeSeconds())
                .putHeader("ETag", data.etag());
        if (data.priceSnapshot() != null) {
            response.putHeader("X-Price-Snapshot", data.priceSnapshot());
        }
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        if (EntityTags.noneMatchHits(ifNoneMatch, data.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("Content-Type", "application/json; charset=utf-8").end(Buffer.buffer(data.bytes()));
    }
}
