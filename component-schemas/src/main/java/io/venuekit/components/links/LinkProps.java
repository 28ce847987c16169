package io.venuekit.components.links;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a type's props hold links, read from its props schema, so the validator and the renderer
 * check the same places and a new component with a link needs no code: pointers with {@code *}
 * for any array index, as the component files write them.
 */
public final class LinkProps {

    public static final String LINK_REF = "common.json#/$defs/link";
    /** An action ({@code {"type": "open-link", "link": {...}}, ...}); its {@code link} is checked as any link is. */
    public static final String ACTION_REF = "common.json#/$defs/action";

    public static final String HTTPS_URL_REF = "common.json#/$defs/httpsUrl";
    public static final String MARKDOWN = "text/markdown";

    private LinkProps() {}

    /** Links ({@code {"kind", "target"}}, {@value #LINK_REF}), the links of actions ({@value #ACTION_REF}) among them. */
    public static List<String> links(JsonNode propsSchema) {
        List<String> links = new ArrayList<>(paths(propsSchema, "$ref", LINK_REF));
        actions(propsSchema).forEach(action -> links.add(action + "/link"));
        return List.copyOf(links);
    }

    /** Actions ({@value #ACTION_REF}). */
    public static List<String> actions(JsonNode propsSchema) {
        return paths(propsSchema, "$ref", ACTION_REF);
    }

    /** Addresses of media and models ({@value #HTTPS_URL_REF}). */
    public static List<String> httpsUrls(JsonNode propsSchema) {
        return paths(propsSchema, "$ref", HTTPS_URL_REF);
    }

    /** Markdown text ({@code "contentMediaType": "text/markdown"}, a standard 2020-12 annotation). */
    public static List<String> markdown(JsonNode propsSchema) {
        return paths(propsSchema, "contentMediaType", MARKDOWN);
    }

    private static List<String> paths(JsonNode schema, String keyword, String value) {
        List<String> found = new ArrayList<>();
        collect(schema, "", keyword, value, found);
        return List.copyOf(found);
    }

    private static void collect(JsonNode schema, String pointer, String keyword, String value, List<String> into) {
        if (value.equals(schema.path(keyword).asText())) {
            into.add(pointer);
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(e -> collect(
                        e.getValue(),
                        pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                        keyword,
                        value,
                        into));
        if (schema.has("items")) {
            collect(schema.get("items"), pointer + "/*", keyword, value, into);
        }
    }
}
