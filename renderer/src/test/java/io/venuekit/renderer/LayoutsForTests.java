package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;

/** Lets tests in other packages wrap a hand-made payload in a {@link Layout}. */
public final class LayoutsForTests {

    private LayoutsForTests() {}

    public static Layout of(JsonNode payload) {
        JsonNode next = payload.get("next");
        return new Layout(
                payload,
                payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                next == null || next.isNull() ? null : next.asText());
    }
}
