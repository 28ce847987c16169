package io.venuekit.renderer;

/** The {@code cursor} a client sent cannot be decoded or belongs to another page, version or tier (HTTP 400). */
public final class InvalidCursorException extends RenderException {

    private final String cursor;

    private InvalidCursorException(String cursor, String message) {
        super("invalid-cursor", message);
        this.cursor = cursor;
    }

    static InvalidCursorException malformed(String cursor) {
        return new InvalidCursorException(cursor, "cursor '" + abbreviate(cursor) + "' is not one this server issued");
    }

    static InvalidCursorException mismatch(String cursor, String field, Object expected, Object actual) {
        return new InvalidCursorException(
                cursor,
                "cursor is for " + field + " " + actual + ", this request is for " + expected
                        + "; start again without a cursor");
    }

    static InvalidCursorException beyondEnd(String cursor, int offset, int size) {
        return new InvalidCursorException(cursor, "cursor points at component " + offset + " of a page with " + size);
    }

    /** The cursor as the client sent it. */
    public String cursor() {
        return cursor;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
