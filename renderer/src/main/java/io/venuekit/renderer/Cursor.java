package io.venuekit.renderer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a layout starts: an index into the snapshot's top-level components,
 * bound to the page, its published version and the device tier so a cursor is never applied to
 * a layout it was not cut from. Opaque to clients (base64url).
 */
record Cursor(String pageId, int version, String tier, int offset) {

    private static final String MAGIC = "vk1";

    String encode() {
        String text = MAGIC + "|" + pageId + "|" + version + "|" + tier + "|" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > 512) {
            throw InvalidCursorException.malformed(cursor);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidCursorException.malformed(cursor);
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 5 || !parts[0].equals(MAGIC)) {
            throw InvalidCursorException.malformed(cursor);
        }
        try {
            int version = Integer.parseInt(parts[2]);
            int offset = Integer.parseInt(parts[4]);
            if (offset < 1) {
                throw InvalidCursorException.malformed(cursor);
            }
            return new Cursor(parts[1], version, parts[3], offset);
        } catch (NumberFormatException e) {
            throw InvalidCursorException.malformed(cursor);
        }
    }
}
