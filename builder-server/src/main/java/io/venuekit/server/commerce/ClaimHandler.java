package io.venuekit.server.commerce;

import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/coupons/{id}/claim} and {@code POST /v1/lotteries/{id}/draw}: the shopper from
 * the gateway's {@code X-Venuekit-User}, the {@code Idempotency-Key}, then {@link ClaimService}
 * off the event loop. A replayed answer says so in {@code Idempotent-Replayed: true}.
 */
public final class ClaimHandler {

    private final ClaimService claims;

    public ClaimHandler(ClaimService claims) {
        this.claims = claims;
    }

    public void claim(RoutingContext ctx) {
        String user = ClaimService.shopper(ctx.request().getHeader(Requests.USER_HEADER));
        String key = ClaimService.key(ctx.request().getHeader("Idempotency-Key"));
        String coupon = ctx.pathParam("id");
        Requests.blocking(ctx, () -> claims.claim(user, key, coupon))
                .onSuccess(a -> send(ctx, a))
                .onFailure(ctx::fail);
    }

    public void draw(RoutingContext ctx) {
        String user = ClaimService.shopper(ctx.request().getHeader(Requests.USER_HEADER));
        String key = ClaimService.key(ctx.request().getHeader("Idempotency-Key"));
        String lottery = ctx.pathParam("id");
        Requests.blocking(ctx, () -> claims.draw(user, key, lottery))
                .onSuccess(a -> send(ctx, a))
                .onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, ClaimService.Answer answer) {
        ctx.response().putHeader("Cache-Control", "no-store");
        if (answer.replay()) {
            ctx.response().putHeader("Idempotent-Replayed", "true");
        }
        Json.send(ctx, answer.status(), answer.body());
    }
}
