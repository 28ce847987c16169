package io.venuekit.server.http;

/**
 * {@code If-None-Match} against an entity tag, by the weak comparison RFC 9110 asks for on GET and
 * HEAD: {@code W/"x"} and {@code "x"} are the same tag, a list matches if any member does, and
 * {@code *} matches whatever exists. Tags are read as quoted strings, so a comma inside one does
 * not split it.
 */
public final class EntityTags {

    private EntityTags() {}

    /** Whether a request carrying {@code ifNoneMatch} (null when absent) already has {@code etag}. */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String wanted = opaque(etag.trim());
        int i = 0;
        int n = ifNoneMatch.length();
        while (i < n) {
            char c = ifNoneMatch.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                int start = i;
                if (ifNoneMatch.startsWith("W/", i)) {
                    i += 2;
                }
                if (i < n && ifNoneMatch.charAt(i) == '"') {
                    int close = ifNoneMatch.indexOf('"', i + 1);
                    if (close < 0) {
                        return false;
                    }
                    if (ifNoneMatch.substring(i, close + 1).equals(wanted)) {
                        return true;
                    }
                    i = close + 1;
                } else {
                    // not a tag (an unquoted token): skip to the next member
                    int comma = ifNoneMatch.indexOf(',', start);
                    i = comma < 0 ? n : comma + 1;
                }
            }
        }
        return false;
    }

    /** The quoted part of a tag, without any weak marker. */
    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
