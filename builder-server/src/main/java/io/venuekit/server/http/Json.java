package io.venuekit.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.faults.Fault;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Reading request bodies safely and writing JSON responses. */
public final class Json {

    /** Deeper than any real page (a page nests sections a few levels); hostile input goes no further. */
    public static final int MAX_DEPTH = 64;
    /**
     * Above any body the server accepts: a long string is left for the page validator, which
     * reports it with its pointer ({@code too-long}); this only guards other readers.
     */
    public static final int MAX_STRING_CHARS = 20_000_000;

    public static final int MAX_NUMBER_DIGITS = 100;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNumberLength(MAX_NUMBER_DIGITS)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** The body as a JSON object, or a 400/415 that says what is wrong and where. */
    public static ObjectNode readObject(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (!isJson(contentType)) {
            throw new ApiException(
                    415,
                    "unsupported-media-type",
                    "Send the body as JSON with Content-Type: application/json"
                            + (contentType == null
                                    ? "; the request named no content type."
                                    : ", not " + Headers.printable(contentType) + "."));
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("empty-body", "The request has no body; send the page document as JSON.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body.getBytes());
        } catch (StreamConstraintsException e) {
            throw constraint(e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw ApiException.badRequest(
                    "malformed-json", "The body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("malformed-json", "The body could not be read as JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(
                    400,
                    "not-an-object",
                    "The body must be a JSON object, got " + describe(node) + ".",
                    java.util.List.of(Fault.error("", "type", "must be an object, got " + describe(node))),
                    null);
        }
        return (ObjectNode) node;
    }

    /**
     * Whether the media type is exactly {@code application/json} (parameters such as {@code charset}
     * allowed). Anything looser would let a page on another site post JSON as {@code text/plain},
     * which browsers send without asking first.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json");
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

    /** Which limit of the reader a body broke, in a person's words. */
    private static ApiException constraint(StreamConstraintsException e) {
        String text = String.valueOf(e.getMessage());
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        if (text.contains("String value length")) {
            return ApiException.badRequest(
                    "too-long",
                    "A string in the body is longer than " + MAX_STRING_CHARS + " characters" + where
                            + "; no text in a page needs that much.");
        }
        if (text.contains("Number value length")) {
            return ApiException.badRequest(
                    "number-too-long",
                    "A number in the body has more than " + MAX_NUMBER_DIGITS + " digits" + where
                            + "; page numbers fit in 64 bits.");
        }
        return ApiException.badRequest(
                "too-deep",
                "The JSON document is nested deeper than " + MAX_DEPTH + " levels" + where + "; flatten it.");
    }

    /**
     * Sends the body. A failure while answering (a header value that cannot be written, say) still
     * ends in an error response, never in a connection left open.
     */
    public static void send(RoutingContext ctx, int status, JsonNode body) {
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException | RuntimeException e) {
            if (!ctx.failed()) {
                ctx.fail(e);
            } else if (!ctx.response().ended()) {
                ctx.response().setStatusCode(500).end();
            }
        }
    }
}
