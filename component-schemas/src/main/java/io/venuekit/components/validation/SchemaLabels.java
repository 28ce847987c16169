package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a place in an instance by the {@code title}s of the schema, so messages say
 * "Anchor label (Anchors, item 2)" rather than {@code $.items[1].label}. Follows {@code $ref}s
 * across the catalog's documents; a title written next to a {@code $ref} wins over the target's.
 */
final class SchemaLabels {

    private static final int MAX_REF_HOPS = 8;

    private final SchemaCatalog catalog;

    SchemaLabels(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** A schema node and the document it was found in, to resolve relative refs. */
    private record Located(URI document, JsonNode node) {}

    /**
     * The label of {@code path} (+ {@code extra}, a property name, when not null) inside an
     * instance of {@code schema}.
     */
    String label(SchemaCatalog.Compiled schema, JsonNodePath path, String extra) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        if (extra != null) {
            elements.add(extra);
        }
        return label(schema, elements);
    }

    /** The label of a path of property names (String) and array indexes (Integer), or null for the root. */
    String label(SchemaCatalog.Compiled schema, List<Object> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        URI document = withoutFragment(schema.uri());
        Located at = new Located(document, schema.node());
        String arrayTitle = null;
        int lastIndex = -1;
        for (Object element : elements) {
            if (element instanceof Integer index) {
                arrayTitle = at == null ? null : title(at);
                lastIndex = index;
            }
            at = at == null ? null : child(at, element);
        }
        Object last = elements.get(elements.size() - 1);
        String title = at == null ? null : title(at);
        if (lastIndex < 0) {
            return title != null ? title : String.valueOf(last);
        }
        String context = (arrayTitle == null ? "item " : arrayTitle + ", item ") + (lastIndex + 1);
        if (title == null && last instanceof Integer) {
            return context; // an untitled array item is named by its position alone
        }
        return (title != null ? title : String.valueOf(last)) + " (" + context + ")";
    }

    /** The property names a schema node allows, following refs; empty when unknown. */
    List<String> propertyNames(URI schemaLocation) {
        Located at = locate(schemaLocation);
        for (int hops = 0; at != null && hops < MAX_REF_HOPS; hops++) {
            if (at.node().has("properties")) {
                List<String> names = new ArrayList<>();
                at.node().get("properties").fieldNames().forEachRemaining(names::add);
                return names;
            }
            at = follow(at);
        }
        return List.of();
    }

    /** The first of the {@code examples} written for the property at an instance path, or null. */
    String example(SchemaCatalog.Compiled schema, JsonNodePath path) {
        if (path.getNameCount() == 0) {
            return null;
        }
        Located at = new Located(withoutFragment(schema.uri()), schema.node());
        for (int i = 0; i < path.getNameCount() && at != null; i++) {
            at = child(at, path.getElement(i));
        }
        return at == null ? null : firstExample(at.node());
    }

    private static String firstExample(JsonNode node) {
        JsonNode examples = node.get("examples");
        return examples != null && examples.isArray() && !examples.isEmpty()
                ? examples.get(0).asText()
                : null;
    }

    /** The first of the {@code examples} at a schema location, or null. */
    String example(URI schemaLocation) {
        Located at = locate(schemaLocation);
        for (int hops = 0; at != null && hops < MAX_REF_HOPS; hops++) {
            JsonNode examples = at.node().get("examples");
            if (examples != null && examples.isArray() && !examples.isEmpty()) {
                return examples.get(0).asText();
            }
            at = follow(at);
        }
        return null;
    }

    /** The {@code format} of the schema at a location (following refs), or null. */
    String format(URI schemaLocation) {
        Located at = locate(schemaLocation);
        for (int hops = 0; at != null && hops < MAX_REF_HOPS; hops++) {
            JsonNode format = at.node().get("format");
            if (format != null && format.isTextual()) {
                return format.asText();
            }
            at = follow(at);
        }
        return null;
    }

    /** The schema node at a location such as {@code .../common.json#/$defs/link}, or null. */
    private Located locate(URI location) {
        URI document = withoutFragment(location);
        JsonNode root = catalog.document(document);
        if (root == null) {
            return null;
        }
        String fragment = location.getFragment();
        JsonNode node = fragment == null || fragment.isEmpty() ? root : root.at(fragment);
        return node.isMissingNode() ? null : new Located(document, node);
    }

    private Located child(Located at, Object element) {
        for (int hops = 0; at != null && hops < MAX_REF_HOPS; hops++) {
            JsonNode next = element instanceof Integer
                    ? at.node().get("items")
                    : at.node().path("properties").get(String.valueOf(element));
            if (next != null && next.isObject()) {
                return new Located(at.document(), next);
            }
            at = follow(at);
        }
        return null;
    }

    private String title(Located at) {
        for (int hops = 0; at != null && hops < MAX_REF_HOPS; hops++) {
            JsonNode title = at.node().get("title");
            if (title != null && title.isTextual()) {
                return title.asText();
            }
            at = follow(at);
        }
        return null;
    }

    private Located follow(Located at) {
        JsonNode ref = at.node().get("$ref");
        if (ref == null || !ref.isTextual()) {
            return null;
        }
        return locate(at.document().resolve(ref.asText()));
    }

    private static URI withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? uri : URI.create(s.substring(0, hash));
    }
}
