package io.venuekit.components.links;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTML in a markdown text. Venuekit's H5 subset escapes it, but CommonMark passes raw HTML
 * through, and apps render the payload's markdown with their own parsers: {@code <img src=x
 * onerror=...>} would run there. In CommonMark every piece of raw HTML (tag, closing tag, comment,
 * declaration, processing instruction, CDATA, HTML block) starts with a {@code <} followed by a
 * letter, {@code /}, {@code !} or {@code ?}; such a {@code <} is what is found here, except where it
 * opens an autolink ({@code <https://...>}, {@code <a@b.example>}). Without it nothing is HTML.
 */
public final class MarkdownHtml {

    private static final int MAX_SHOWN_CHARS = 40;
    /** CommonMark's autolinks, bounded so that a megabyte of {@code "<a:"} is read in linear time. */
    private static final Pattern AUTOLINK = Pattern.compile("<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\\x00-\\x20]{0,2000}"
            + "|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,200}@[A-Za-z0-9][A-Za-z0-9.-]{0,250})>");

    private MarkdownHtml() {}

    /** Where each {@code <} that starts raw HTML sits, in text order. */
    public static List<Integer> find(String text) {
        List<Integer> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher autolink = AUTOLINK.matcher(text);
        int autolinkEnd = -1;
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
            if (at + 1 >= text.length() || !startsMarkup(text.charAt(at + 1))) {
                continue;
            }
            if (at < autolinkEnd) {
                continue; // inside an autolink: "<" cannot occur there, but be exact
            }
            autolink.region(at, Math.min(text.length(), at + 2_300));
            if (autolink.lookingAt()) {
                autolinkEnd = autolink.end();
                at = autolinkEnd - 1;
                continue;
            }
            found.add(at);
        }
        return found;
    }

    /** The text without the {@code <} at each of {@code starts}: what remains is plain text to any markdown parser. */
    public static String without(String text, List<Integer> starts) {
        if (starts.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int at : starts) {
            out.append(text, from, at);
            from = at + 1;
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The tag that starts at {@code at}, up to its {@code >}, shortened for a message. */
    public static String shown(String text, int at) {
        int close = text.indexOf('>', at);
        int end = close < 0 ? text.length() : close + 1;
        return end - at <= MAX_SHOWN_CHARS ? text.substring(at, end) : text.substring(at, at + MAX_SHOWN_CHARS) + "…";
    }

    private static boolean startsMarkup(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?';
    }
}
