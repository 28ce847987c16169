package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.components.links.MarkdownHtml;
import io.venuekit.components.links.MarkdownLinks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The render-time check of links. Saving refuses links the {@link LinkPolicy} does not allow,
 * but a snapshot published before that check, or under a laxer policy, may still hold one, and
 * the payload is what apps and the H5 page act on. So every component's final props are
 * cleaned: a link the policy refuses is left out (the component shows without it), a refused
 * markdown link becomes its text, raw HTML in markdown loses the {@code <} that would start it
 * (apps' markdown parsers pass HTML through), a media address that is not https is left out;
 * each with a warning that says what and why.
 *
 * <p>Links are found by shape ({@code {"kind": "url", "target": ...}} under any prop name, as the
 * HTML view model finds them), markdown and media addresses by the type's schema.
 */
final class LinkGuard {

    /** Props nest a few levels; a hostile snapshot is not followed further. */
    private static final int MAX_DEPTH = 32;

    private static final int MAX_SHOWN_CHARS = 60;

    private final LinkPolicy policy;

    LinkGuard(LinkPolicy policy) {
        this.policy = policy;
    }

    void clean(String id, ObjectNode props, ComponentRules rules, RenderContext ctx) {
        links(id, props, "/props", 0, ctx);
        for (String pointer : rules.httpsUrls()) {
            PropsAt.each(props, pointer, (parent, key, value, path) -> {
                if (value.isTextual()) {
                    Optional<String> problem = httpsProblem(value.asText());
                    problem.ifPresent(p -> {
                        PropsAt.remove(parent, key);
                        ctx.warn(
                                id,
                                "/props" + path,
                                "unsafe-link",
                                "address left out: " + shown(value.asText()) + " " + p);
                    });
                }
            });
        }
        for (String pointer : rules.markdown()) {
            PropsAt.each(props, pointer, (parent, key, value, path) -> {
                if (!value.isTextual()) {
                    return;
                }
                List<MarkdownLinks.Link> refused = new ArrayList<>();
                String text = value.asText();
                String cleaned = MarkdownLinks.withoutRefused(text, policy, refused);
                for (MarkdownLinks.Link link : refused) {
                    ctx.warn(
                            id,
                            "/props" + path,
                            "unsafe-link",
                            "markdown link " + link.shown(text) + " shown as text: its target "
                                    + shown(link.destination()) + " "
                                    + policy.problem(link.destination()).orElse("is not allowed"));
                }
                List<Integer> html = MarkdownHtml.find(cleaned);
                if (!html.isEmpty()) {
                    ctx.warn(
                            id,
                            "/props" + path,
                            "markdown-html",
                            "HTML left out of the markdown: " + html.size() + " \"<\" removed, the first starting \""
                                    + MarkdownHtml.shown(cleaned, html.get(0)) + "\"");
                    cleaned = MarkdownHtml.without(cleaned, html);
                }
                if (!cleaned.equals(text)) {
                    PropsAt.set(parent, key, TextNode.valueOf(cleaned));
                }
            });
        }
    }

    private void links(String id, JsonNode node, String pointer, int depth, RenderContext ctx) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = pointer + "/" + escape(e.getKey());
                if (refusedLink(e.getValue(), id, at, ctx)) {
                    it.remove();
                } else {
                    links(id, e.getValue(), at, depth + 1, ctx);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = pointer + "/" + i;
                if (refusedLink(array.get(i), id, at, ctx)) {
                    array.set(i, array.nullNode());
                } else {
                    links(id, array.get(i), at, depth + 1, ctx);
                }
            }
        }
    }

    /** Whether the value is a link of kind url the policy refuses; if so, warned about. */
    private boolean refusedLink(JsonNode value, String id, String pointer, RenderContext ctx) {
        if (!value.isObject() || !"url".equals(value.path("kind").asText()) || !value.has("target")) {
            return false;
        }
        String target = value.get("target").asText();
        Optional<String> problem = policy.problem(target);
        problem.ifPresent(
                p -> ctx.warn(id, pointer, "unsafe-link", "link left out: its target " + shown(target) + " " + p));
        return problem.isPresent();
    }

    /** Media (a video, a 3D model) is fetched by the client itself: https only, whatever the policy allows for links. */
    private Optional<String> httpsProblem(String address) {
        if (!address.regionMatches(true, 0, "https://", 0, "https://".length())) {
            return Optional.of("is not an https:// address");
        }
        return policy.problem(address);
    }

    private static String shown(String target) {
        String clipped = target.length() <= MAX_SHOWN_CHARS ? target : target.substring(0, MAX_SHOWN_CHARS) + "…";
        return TextNode.valueOf(clipped).toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
