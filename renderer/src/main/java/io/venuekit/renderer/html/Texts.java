package io.venuekit.renderer.html;

import io.venuekit.components.links.LinkPolicy;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Text the templates show, made readable: dates as a person writes them and the rich-text
 * component's Markdown as HTML. Available to every template as {@code texts}.
 *
 * <p>Markdown is CommonMark cut down to what operators write in campaign rules and notes:
 * paragraphs, line breaks, lists, emphasis and links. Headings, quotes and code blocks stay plain
 * paragraphs, raw HTML is shown as the text it is, an image shows its description, and a link only
 * takes what the {@link LinkPolicy} allows (the layout has already left out the others; this is
 * the second lock).
 */
public final class Texts {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /**
     * Ten times the rich-text component's own limit: a published text is never longer, but a
     * draft's preview renders what was typed, and a longer one is shown as plain text.
     */
    static final int MAX_MARKDOWN_CHARS = 20_000;

    private static final Parser PARSER =
            Parser.builder().enabledBlockTypes(Set.of(ListBlock.class)).build();

    private final HtmlRenderer html;

    /** With the bundled {@link LinkPolicy}. */
    public Texts() {
        this(LinkPolicy.bundled());
    }

    public Texts(LinkPolicy links) {
        this.html = HtmlRenderer.builder()
                .escapeHtml(true)
                .softbreak("<br>")
                .nodeRendererFactory(context -> new GuardedLinks(context, links))
                .build();
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

    /** The Markdown above, as HTML; every other character is escaped. */
    public String markdown(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > MAX_MARKDOWN_CHARS) {
            return "<p>" + escape(text).replace("\r\n", "\n").replace("\n", "<br>") + "</p>";
        }
        // block separators only: text nodes carry no line ends once soft breaks are <br>
        return html.render(PARSER.parse(text)).replace("\n", "");
    }

    /** A link the policy refuses, and every image, is shown as its text. */
    private static final class GuardedLinks implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final LinkPolicy links;

        GuardedLinks(HtmlNodeRendererContext context, LinkPolicy links) {
            this.context = context;
            this.links = links;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class);
        }

        @Override
        public void render(Node node) {
            boolean linked = node instanceof Link link && links.allows(link.getDestination());
            if (linked) {
                context.getWriter().tag("a", Map.of("href", ((Link) node).getDestination()));
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (linked) {
                context.getWriter().tag("/a");
            }
        }
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
