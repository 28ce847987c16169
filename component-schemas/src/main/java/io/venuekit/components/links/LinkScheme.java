package io.venuekit.components.links;

import java.util.Locale;

/** How a browser finds the scheme of a link, and the characters it silently drops on the way. */
final class LinkScheme {

    private static final int MAX_SHOWN = 40;

    private LinkScheme() {}

    /**
     * The scheme a browser would read, lower case, or null for a relative reference. Like the
     * WHATWG URL parser, it first drops every ASCII tab and newline and trims C0 controls and
     * spaces; it goes further and drops every invisible character anywhere, so that
     * {@code "java\u0000script:"} is judged as {@code javascript:} even if some client skips NULs.
     */
    static String of(String target) {
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (invisible(c)) {
                continue;
            }
            if (c == ':') {
                String scheme = seen.toString().toLowerCase(Locale.ROOT);
                return !scheme.isEmpty()
                                && isAlpha(scheme.charAt(0))
                                && scheme.chars().allMatch(LinkScheme::schemeChar)
                        ? scheme
                        : null;
            }
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                return null;
            }
            seen.append(c);
        }
        return null;
    }

    /** Controls, whitespace of any script, and format characters (zero-width, bidi overrides): nothing a link needs. */
    static boolean invisible(int c) {
        return c <= 0x20
                || c == 0x7F
                || Character.isISOControl(c)
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT;
    }

    static String describe(int c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            case 0 -> "a NUL character";
            default -> String.format("an invisible character (U+%04X)", c);
        };
    }

    static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    static String clip(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean schemeChar(int c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
    }
}
