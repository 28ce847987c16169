package io.venuekit.components.links;

import java.util.ArrayList;
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

    private static final Pattern AUTOLINK = Pattern.compile("<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\\x00-\\x20]*)>");
    private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[((?:[^\\]\\\\]|\\\\.)+)]:[ \\t]*\\n?[ \\t]*(<[^>\\n]*>|\\S+)[^\\n]*$");

    private MarkdownLinks() {
    }

    /** Every link, in text order. */
    public static List<Link> find(String text) {
        List<Link> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        List<int[]> destinations = new ArrayList<>();
        inline(text, links, destinations);
        Matcher auto = AUTOLINK.matcher(text);
        while (auto.find()) {
            int at = auto.start();
            // <dest> inside [label](<dest>) is that link's destination, not a link of its own
            if (destinations.stream().noneMatch(d -> at >= d[0] && at < d[1])) {
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
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Link link : find(text)) {
            if (link.start() < at || policy.allows(link.destination())) {
                continue;
            }
            refused.add(link);
            // the label may hold a link of its own, e.g. an autolink
            out.append(text, at, link.start()).append(withoutRefused(link.label(), policy, refused));
            at = link.end();
        }
        return at == 0 ? text : out.append(text, at, text.length()).toString();
    }

    /** {@code [label](dest "title")}: each {@code ](} whose bracket opened earlier on the text. */
    private static void inline(String text, List<Link> links, List<int[]> destinations) {
        int from = 0;
        while (true) {
            int close = text.indexOf("](", from);
            if (close < 0) {
                return;
            }
            int open = text.lastIndexOf('[', close);
            int end = destinationEnd(text, close + 2);
            String inside = text.substring(close + 2, end).strip();
            String destination = inside.startsWith("<")
                    ? unbracket(inside.substring(0, Math.max(1, inside.indexOf('>') + 1)))
                    : inside.split("[ \\t\\n]", 2)[0];
            int start = open >= 0 ? open : close;
            String label = open >= 0 ? text.substring(open + 1, close) : "";
            links.add(new Link(start, Math.min(text.length(), end + 1), label, destination));
            destinations.add(new int[] {close + 2, end});
            from = close + 2;
        }
    }

    /** The index of the ')' closing a destination that starts at {@code at}, counting nested parentheses; or the text's end. */
    private static int destinationEnd(String text, int at) {
        int depth = 0;
        for (int i = at; i < text.length(); i++) {
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
        return text.length();
    }

    private static String unbracket(String s) {
        return s.startsWith("<") && s.endsWith(">") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
    }
}
