package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
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
    private volatile String etag;

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

    /**
     * A strong entity tag for these bytes, quoted as HTTP wants it: the first 128 bits of their
     * SHA-256, base64url. Computed on first use, then kept.
     */
    public String etag() {
        String tag = etag;
        if (tag == null) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
                tag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            etag = tag;
        }
        return tag;
    }

    /** The device tier the layout was rendered for. */
    public String tier() {
        return payload.path("device").path("tier").asText();
    }
}
