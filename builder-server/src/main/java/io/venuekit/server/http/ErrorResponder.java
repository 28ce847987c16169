package io.venuekit.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON body {@code {"error": {"status", "code", "message", "faults"}}}.
 * Clients never see Java class names or stack traces; unexpected failures are logged here.
 */
public final class ErrorResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private static final Map<Integer, String> STATUS_MESSAGES = Map.of(
            400, "The request is not valid.",
            404, "Nothing is served at this address.",
            405, "This method is not allowed here.",
            413, "The request body is too large.",
            415, "This content type is not accepted here.",
            500, "Something went wrong on the server; it has been logged.");

    private ErrorResponder() {}

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            send(ctx, api);
            return;
        }
        if (io.venuekit.server.db.Database.unavailable(failure)) {
            LOG.warn(
                    "{} {} (request {}): the database is unavailable: {}",
                    ctx.request().method(),
                    ctx.request().path(),
                    io.venuekit.server.ops.AccessLog.id(ctx),
                    failure.getMessage());
            send(ctx, storeUnavailable());
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error(
                    "{} {} failed (request {})",
                    ctx.request().method(),
                    ctx.request().path(),
                    io.venuekit.server.ops.AccessLog.id(ctx),
                    failure);
        }
        String message = STATUS_MESSAGES.getOrDefault(status, "The request failed.");
        if (status == 413) {
            message = "The request body is larger than the server accepts; send a smaller document.";
        }
        send(ctx, new ApiException(status, status == 413 ? "body-too-large" : "http-" + status, message));
    }

    /** Seconds a client is asked to wait before trying a write again while the database is away. */
    public static final int UNAVAILABLE_RETRY_SECONDS = 5;

    /** 503 for a request the database could not take: nothing was saved, and when to try again. */
    public static ApiException storeUnavailable() {
        return new ApiException(
                503,
                "store-unavailable",
                "The database cannot take changes right now (it is unreachable, "
                        + "read-only or full), so nothing was saved. Published pages are still served. Try again in "
                        + UNAVAILABLE_RETRY_SECONDS + " seconds; GET /health/ready says what is wrong.",
                java.util.List.of(),
                Json.MAPPER.createObjectNode().put("retryAfter", UNAVAILABLE_RETRY_SECONDS));
    }

    public static void send(RoutingContext ctx, ApiException e) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("status", e.status());
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (!e.faults().isEmpty()) {
            FaultJson.addAll(error.putArray("faults"), e.faults());
        }
        if (e.extra() != null && e.extra().has("retryAfter")) {
            response.putHeader("Retry-After", e.extra().path("retryAfter").asText());
        }
        if (e.extra() != null) {
            e.extra().fields().forEachRemaining(field -> body.set(field.getKey(), field.getValue()));
        }
        Json.send(ctx, e.status(), body);
    }
}
