package io.venuekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

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

    private ErrorResponder() {
    }

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            send(ctx, api);
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        String message = STATUS_MESSAGES.getOrDefault(status, "The request failed.");
        if (status == 413) {
            message = "The request body is larger than the server accepts; send a smaller document.";
        }
        send(ctx, new ApiException(status, status == 413 ? "body-too-large" : "http-" + status, message));
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
            ArrayNode faults = error.putArray("faults");
            for (ApiException.Fault f : e.faults()) {
                ObjectNode node = faults.addObject();
                node.put("pointer", f.pointer());
                node.put("code", f.code());
                node.put("message", f.message());
                if (f.componentId() != null) {
                    node.put("componentId", f.componentId());
                }
                if (f.componentType() != null) {
                    node.put("componentType", f.componentType());
                }
            }
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
