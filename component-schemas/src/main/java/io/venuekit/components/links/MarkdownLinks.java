package io.venuekit.components.links;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link destinations in a markdown text, found the way a full CommonMark parser would, not
 * only the way Venuekit's own H5 subset does: apps render the payload's markdown with their own
 * parsers, so inline links {@code [label](dest)} (with {@code <dest>}, titles and balanced
 * parentheses), autolinks {@code <scheme:...>} and reference definitions {@code [label]: dest}
 * all count.
 */
public final class MarkdownLinks {

    /**
     * One link in the text.
     *
     * @param start       where the whole link starts in the text
     * @param end         where it ends (exclusive)
     * @param label       what a reader sees instead when the link is removed
     * @param destination the target as written
     */
    public record Link(int start, int end, String label, String destination) {

        /** The link as written, shortened for a message. */
        public String shown(String text) {
            return LinkScheme.clip(text.substring(start, end));
        }
    }

    /**
     * How far a label or a destination is looked for. A real link is far shorter (a target is at
     * most 500 characters); the bound keeps a hostile megabyte of {@code "]("} linear.
     */
    private static final int MAX_LABEL = 1_000;

    private static final int MAX_DESTINATION = 1_000;
    /** Labels inside labels inside labels: deeper than this, a refused link's label is dropped rather than cleaned. */
    private static final int MAX_NESTING = 4;

    private static final Pattern AUTOLINK =
            Pattern.compile("<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\\x00-\\x20]{0,2000})>");
    /** CommonMark caps a reference label at 999 characters; no alternation inside the repetition, so no deep regex recursion. */
    private static final Pattern DEFINITION = Pattern.compile(
            "(?m)^ {0,3}\\[([^\\]\\n]{1,999})]:[ \\t]*\\n?[ \\t]*(<[^>\\n]{0,2000}>|\\S{1,2000})[^\\n]*$");

    private MarkdownLinks() {}

    /** Every link, in text order. */
    public static List<Link> find(String text) {
        List<Link> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        BitSet destinations = new BitSet(text.length());
        inline(text, links, destinations);
        Matcher auto = AUTOLINK.matcher(text);
        while (auto.find()) {
            int at = auto.start();
            // <dest> inside [label](<dest>) is that link's destination, not a link of its own
            if (!destinations.get(at)) {
                links.add(new Link(auto.start(), auto.end(), auto.group(1), auto.group(1)));
            }
        }
        Matcher def = DEFINITION.matcher(text);
        while (def.find()) {
            links.add(new Link(def.start(), def.end(), "", unbracket(def.group(2))));
        }
        // an empty destination links to the page itself: harmless, and not worth a fault
        links.removeIf(l -> l.destination().isEmpty());
        links.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return links;
    }

    /**
     * The text with every link the policy refuses replaced by its label (an autolink by its text,
     * a reference definition by nothing), adding each refused link to {@code refused}.
     */
    public static String withoutRefused(String text, LinkPolicy policy, List<Link> refused) {
        return withoutRefused(text, policy, refused, 0);
    }

    private static String withoutRefused(String text, LinkPolicy policy, List<Link> refused, int depth) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Link link : find(text)) {
            if (link.start() < at || policy.allows(link.destination())) {
                continue;
            }
            refused.add(link);
            // the label may hold a link of its own, e.g. an autolink
            out.append(text, at, link.start())
                    .append(depth < MAX_NESTING ? withoutRefused(link.label(), policy, refused, depth + 1) : "");
            at = link.end();
        }
        return at == 0 ? text : out.append(text, at, text.length()).toString();
    }

    /**
     * {@code [label](dest "title")}: each {@code ](} and the last {@code [} before it. A destination
     * is read no further than the next {@code ](} (or {@link #MAX_DESTINATION}), so every character
     * is read a bounded number of times; what is checked is then at most a prefix of what a full
     * parser takes as the destination, and a scheme, {@code //} or {@code /\} sits at its start.
     */
    private static void inline(String text, List<Link> links, BitSet destinations) {
        int lastOpen = -1;
        int scanned = 0;
        for (int close = text.indexOf("]("), next; close >= 0; close = next) {
            next = text.indexOf("](", close + 2);
            // the last '[' before this "](", found by one forward pass over the whole text
            for (; scanned < close; scanned++) {
                if (text.charAt(scanned) == '[') {
                    lastOpen = scanned;
                }
            }
            int open = lastOpen >= 0 && close - lastOpen <= MAX_LABEL ? lastOpen : -1;
            int end = destinationEnd(
                    text, close + 2, Math.min(next < 0 ? text.length() : next, close + 2 + MAX_DESTINATION));
            String destination = destination(text, close + 2, end);
            int start = open >= 0 ? open : close;
            String label = open >= 0 ? text.substring(open + 1, close) : "";
            boolean closed = end < text.length() && text.charAt(end) == ')';
            links.add(new Link(start, closed ? end + 1 : end, label, destination));
            destinations.set(close + 2, end);
        }
    }

    /**
     * The index of the ')' closing a destination that starts at {@code at}, counting nested
     * parentheses; or, when none comes before {@code stop}, {@code stop} (what follows is no
     * longer a link once the part up to there is replaced).
     */
    private static int destinationEnd(String text, int at, int stop) {
        int depth = 0;
        for (int i = at; i < stop; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return stop;
    }

    /** The destination between {@code from} and {@code end}: {@code <...>}, or up to the first space (a title may follow). */
    private static String destination(String text, int from, int end) {
        int at = from;
        while (at < end && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at < end && text.charAt(at) == '<') {
            int close = text.indexOf('>', at);
            return text.substring(at + 1, close >= 0 && close < end ? close : end);
        }
        int stop = at;
        while (stop < end && text.charAt(stop) != ' ' && text.charAt(stop) != '\t' && text.charAt(stop) != '\n') {
            stop++;
        }
        return text.substring(at, stop);
    }

    private static String unbracket(String s) {
        return s.startsWith("<") && s.endsWith(">") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
    }
}
