package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One rendered page of a layout: the payload as a tree (for HTML and tests) and as the UTF-8
 * JSON bytes sent to clients. Immutable by agreement: neither the tree nor the array may be
 * changed, so one instance can be cached and shared by every request it fits.
 */
public final class Layout {

    private final JsonNode payload;
    private final byte[] json;
    private final String next;

    Layout(JsonNode payload, byte[] json, String next) {
        this.payload = payload;
        this.json = json;
        this.next = next;
    }

    /** The payload tree; do not modify. */
    public JsonNode payload() {
        return payload;
    }

    /** The payload as UTF-8 JSON; the renderer's own array, do not modify. */
    public byte[] bytes() {
        return json;
    }

    /** The cursor for the following page, empty on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(next);
    }

    /** The device tier the layout was rendered for. */
    public String tier() {
        return payload.path("device").path("tier").asText();
    }
}
