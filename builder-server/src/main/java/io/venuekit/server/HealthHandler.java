package io.venuekit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.db.Database;
import io.venuekit.server.db.StoreState;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 when the database answers a ping and the store takes writes, 503 with the
 * reasons when not. {@code /health/live}: the process answers (a supervisor restarts it when not).
 * {@code /health/ready}: whether to send it traffic: 503 only while it drains for a shutdown. A
 * database that is down or a store that cannot write leave it ready, marked degraded: published
 * pages are still served from memory and the local snapshot, and every instance shares the one
 * database, so taking them all out of the balancer would turn a degraded site into no site.
 */
final class HealthHandler {

    private final Database database;
    private final BooleanSupplier draining;

    HealthHandler(Database database, BooleanSupplier draining) {
        this.database = database;
        this.draining = draining;
    }

    void handle(RoutingContext ctx) {
        Requests.blocking(ctx, database::ping).onComplete(result -> {
            ObjectNode body = Json.MAPPER.createObjectNode();
            ObjectNode db = body.putObject("database");
            db.put("mode", database.isEmbedded() ? "embedded" : "external");
            boolean ok = result.succeeded();
            if (ok) {
                db.put("status", "up");
                db.put("pingMillis", Math.round(result.result() * 100) / 100.0);
            } else {
                db.put("status", "down");
                db.put("error", result.cause().getMessage());
            }
            ok &= store(body);
            body.put("status", ok ? "ok" : "degraded");
            Json.send(ctx, ok ? 200 : 503, body);
        });
    }

    void live(RoutingContext ctx) {
        Json.send(ctx, 200, Json.MAPPER.createObjectNode().put("status", "live"));
    }

    void ready(RoutingContext ctx) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode problems = body.putArray("problems");
        StoreState state = database.state();
        if (!state.reachable()) {
            problems.add("database unreachable since " + state.since()
                    + ": published pages are served stale, writes answer 503"
                    + (state.problem() == null ? "" : " (" + state.problem() + ")"));
        } else if (!state.writable()) {
            problems.add("store refuses writes since " + state.since() + ": " + state.problem());
        }
        if (draining.getAsBoolean()) {
            problems.add("shutting down: finishing requests and jobs in flight");
            body.put("status", "draining");
            Json.send(ctx, 503, body);
            return;
        }
        body.put("status", problems.isEmpty() ? "ready" : "degraded");
        Json.send(ctx, 200, body);
    }

    /** Adds the embedded store's state; false when it refuses writes. */
    private boolean store(ObjectNode body) {
        StoreState store = database.embeddedStore();
        if (store == null) {
            return true;
        }
        ObjectNode node = body.putObject("store");
        node.put("status", store.status());
        node.put("since", store.since().toString());
        if (store.problem() != null) {
            node.put("problem", store.problem());
        }
        return store.ok();
    }
}
