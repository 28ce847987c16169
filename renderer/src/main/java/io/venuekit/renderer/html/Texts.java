package io.venuekit.renderer.html;

import io.venuekit.components.links.LinkPolicy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text the templates show, made readable: dates as a person writes them and the rich-text
 * component's Markdown as HTML. Available to every template as {@code texts}.
 *
 * <p>Markdown is a deliberately small, safe subset (paragraphs, line breaks, {@code -}/{@code *}
 * and numbered lists, {@code **bold**}, {@code *italic*}, {@code [links](url)}): operators write
 * campaign rules and notes, not documents, and nothing they type can reach the page as markup,
 * because everything is escaped before the subset is applied and a link only takes what the
 * {@link LinkPolicy} allows (the layout has already left out the others; this is the second lock).
 */
public final class Texts {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /*
     * Every repetition is bounded: an unclosed "**" or "[" would otherwise make each of them scan
     * to the end of the line from every position, quadratic in the line's length.
     */
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.{1,1000}?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?!\\s)(.{1,1000}?)(?<!\\s)\\*(?![*\\w])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]{1,1000})]\\(([^)\\s]{1,1000})\\)");
    /**
     * Ten times the rich-text component's own limit: a published text is never longer, but a
     * draft's preview renders what was typed, and a longer one is shown as plain text.
     */
    static final int MAX_MARKDOWN_CHARS = 20_000;
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+(.*)$");

    private final LinkPolicy links;

    /** With the bundled {@link LinkPolicy}. */
    public Texts() {
        this(LinkPolicy.bundled());
    }

    public Texts(LinkPolicy links) {
        this.links = links;
    }

    /** {@code 2026-11-11T00:00:00+08:00} as {@code 2026-11-11 00:00}, in the offset it was written in; anything else as it is. */
    public String dateTime(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return SHOWN.format(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The subset of Markdown above, as HTML; every other character is escaped. */
    public String markdown(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > MAX_MARKDOWN_CHARS) {
            return "<p>" + escape(text).replace("\r\n", "\n").replace("\n", "<br>") + "</p>";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        String openList = null;
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String list = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
            if (list != null || line.isBlank()) {
                flush(paragraph, html);
            }
            if (openList != null && !openList.equals(list)) {
                html.append("</").append(openList).append('>');
                openList = null;
            }
            if (list != null) {
                if (openList == null) {
                    html.append('<').append(list).append('>');
                    openList = list;
                }
                html.append("<li>").append(inline((list.equals("ul") ? bullet : numbered).group(1))).append("</li>");
            } else if (!line.isBlank()) {
                paragraph.append(paragraph.length() > 0 ? "<br>" : "").append(inline(line.strip()));
            }
        }
        flush(paragraph, html);
        if (openList != null) {
            html.append("</").append(openList).append('>');
        }
        return html.toString();
    }

    private static void flush(StringBuilder paragraph, StringBuilder html) {
        if (paragraph.length() > 0) {
            html.append("<p>").append(paragraph).append("</p>");
            paragraph.setLength(0);
        }
    }

    private String inline(String raw) {
        String s = escape(raw);
        // the target is judged as written (unescaped) and emitted escaped
        s = LINK.matcher(s).replaceAll(m -> links.allows(unescape(m.group(2)))
                ? Matcher.quoteReplacement("<a href=\"" + m.group(2) + "\">" + m.group(1) + "</a>")
                : Matcher.quoteReplacement(m.group(1)));
        s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(s).replaceAll("<em>$1</em>");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
