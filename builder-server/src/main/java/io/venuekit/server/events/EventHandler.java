package io.venuekit.server.events;

import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/events} (phones) and {@code GET /api/pages/{id}/events} (operators). */
public final class EventHandler {

    private final EventService events;

    public EventHandler(EventService events) {
        this.events = events;
    }

    public void ingest(RoutingContext ctx) {
        EventBatch batch = EventBatch.parse(Json.readObject(ctx));
        Requests.blocking(ctx, () -> events.ingest(batch))
                .onSuccess(n -> Json.send(
                        ctx,
                        202,
                        Json.MAPPER
                                .createObjectNode()
                                .put("batch", batch.batch())
                                .put("counted", n)
                                .put("duplicate", n == 0)))
                .onFailure(ctx::fail);
    }

    public void counts(RoutingContext ctx) {
        String page = ctx.pathParam("id");
        String v = ctx.request().getParam("version");
        Integer version = null;
        if (v != null) {
            version = Requests.intParam(ctx, "version", 1, 1, Integer.MAX_VALUE);
        }
        if (page.length() > 64) {
            throw ApiException.notFound("Page " + page.substring(0, 64));
        }
        Integer only = version;
        Requests.blocking(ctx, () -> events.counts(page, only))
                .onSuccess(body -> Json.send(ctx, 200, body))
                .onFailure(ctx::fail);
    }
}
