package io.venuekit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.db.Database;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /health}: 200 when the database answers a ping, 503 with the reason when not. */
final class HealthHandler {

    private final Database database;

    HealthHandler(Database database) {
        this.database = database;
    }

    void handle(RoutingContext ctx) {
        Requests.blocking(ctx, database::ping).onComplete(result -> {
            ObjectNode body = Json.MAPPER.createObjectNode();
            ObjectNode db = body.putObject("database");
            db.put("mode", database.isEmbedded() ? "embedded" : "external");
            if (result.succeeded()) {
                body.put("status", "ok");
                db.put("status", "up");
                db.put("pingMillis", Math.round(result.result() * 100) / 100.0);
                Json.send(ctx, 200, body);
            } else {
                body.put("status", "degraded");
                db.put("status", "down");
                db.put("error", result.cause().getMessage());
                Json.send(ctx, 503, body);
            }
        });
    }
}
