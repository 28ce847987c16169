package io.venuekit.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Reading request bodies safely and writing JSON responses. */
public final class Json {

    /** Deeper than any real page (a page nests sections a few levels); hostile input goes no further. */
    public static final int MAX_DEPTH = 64;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(100)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The body as a JSON object, or a 400/415 that says what is wrong and where. */
    public static ObjectNode readObject(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw new ApiException(415, "unsupported-media-type",
                    "Send the document as JSON (Content-Type: application/json), not " + contentType + ".");
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("empty-body", "The request has no body; send the page document as JSON.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body.getBytes());
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("too-deep",
                    "The JSON document is nested deeper than " + MAX_DEPTH + " levels; flatten it.");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest("malformed-json", "The body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("malformed-json", "The body could not be read as JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(400, "not-an-object", "The body must be a JSON object, got " + describe(node) + ".",
                    java.util.List.of(ApiException.Fault.of("", "type", "must be an object, got " + describe(node))), null);
        }
        return (ObjectNode) node;
    }

    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    public static void send(RoutingContext ctx, int status, JsonNode body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
