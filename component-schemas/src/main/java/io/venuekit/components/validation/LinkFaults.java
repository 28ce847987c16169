package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.components.links.MarkdownHtml;
import io.venuekit.components.links.MarkdownLinks;
import io.venuekit.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The links in one component's props that the {@link LinkPolicy} refuses: targets of links of
 * kind {@code url} ({@code common.json#/$defs/link}) and the links inside markdown props
 * ({@code "contentMediaType": "text/markdown"}), whatever the text's format prop says, since an
 * operator may switch it to markdown later; and raw HTML in markdown, which apps' parsers would
 * render (see {@link MarkdownHtml}).
 */
final class LinkFaults {

    private static final int MAX_SHOWN_CHARS = 60;

    private final SchemaCatalog catalog;
    private final SchemaLabels labels;
    private final LinkPolicy policy;

    LinkFaults(SchemaCatalog catalog, SchemaLabels labels, LinkPolicy policy) {
        this.catalog = catalog;
        this.labels = labels;
        this.policy = policy;
    }

    List<Fault> find(ComponentSchema schema, JsonNode props, String base, String componentId) {
        List<Fault> faults = new ArrayList<>();
        if (props == null || !props.isObject()) {
            return faults;
        }
        SchemaCatalog.Compiled compiled = catalog.props(schema.type());
        for (String linkPath : catalog.linkPaths(schema.type())) {
            PropPaths.expand(props, linkPath, (link, path) -> {
                JsonNode target = link.get("target");
                if (!"url".equals(link.path("kind").asText()) || target == null || !target.isTextual()) {
                    return;
                }
                Optional<String> problem = policy.problem(target.asText());
                if (problem.isPresent()) {
                    List<Object> where = new ArrayList<>(path);
                    where.add("target");
                    faults.add(PageFaults.at(
                            PropPaths.pointer(base, where),
                            componentId,
                            schema.type(),
                            "unsafe-link",
                            labels.label(compiled, where) + " " + shown(target.asText()) + " " + problem.get()));
                }
            });
        }
        for (String textPath : catalog.markdownPaths(schema.type())) {
            PropPaths.expand(props, textPath, (text, path) -> {
                if (!text.isTextual()) {
                    return;
                }
                List<Integer> html = MarkdownHtml.find(text.asText());
                if (!html.isEmpty()) {
                    faults.add(PageFaults.at(
                            PropPaths.pointer(base, path),
                            componentId,
                            schema.type(),
                            "markdown-html",
                            labels.label(compiled, path) + " contains HTML (\""
                                    + MarkdownHtml.shown(text.asText(), html.get(0)) + "\""
                                    + (html.size() > 1 ? ", " + html.size() + " tags in all" : "")
                                    + "); rich text takes markdown only:"
                                    + " remove the tags, or put a space after a \"<\" meant as text"));
                }
                for (MarkdownLinks.Link link : MarkdownLinks.find(text.asText())) {
                    policy.problem(link.destination())
                            .ifPresent(problem -> faults.add(PageFaults.at(
                                    PropPaths.pointer(base, path),
                                    componentId,
                                    schema.type(),
                                    "unsafe-link",
                                    labels.label(compiled, path) + " has the link " + link.shown(text.asText())
                                            + ", whose target " + shown(link.destination()) + " " + problem)));
                }
            });
        }
        return faults;
    }

    /** The target as a JSON string, so a tab or a NUL shows as {@code \t} or {@code \u0000} instead of vanishing. */
    private static String shown(String target) {
        String clipped = target.length() <= MAX_SHOWN_CHARS ? target : target.substring(0, MAX_SHOWN_CHARS) + "…";
        return new TextNode(clipped).toString();
    }
}
