package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.links.LinkProps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled JSON Schemas the validator needs: the page envelope, the component envelope and
 * each type's props. Compiled once; networknt schemas are safe to share between threads.
 *
 * <p>Everything lives under {@code https://venuekit.io/}, mapped to the classpath folder
 * {@code venuekit/}, so {@code common.json#/$defs/imageRef} in a props schema resolves to the
 * shipped file and never to the network.
 */
final class SchemaCatalog {

    static final String BASE = "https://venuekit.io/";
    static final URI PAGE = URI.create(BASE + "page.schema.json");
    static final URI COMMON = URI.create(BASE + "components/common.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<URI, JsonNode> documents = new HashMap<>();
    private final Map<String, Compiled> props = new HashMap<>();
    private final Map<String, List<String>> anchorPaths = new HashMap<>();
    private final Map<String, List<String>> linkPaths = new HashMap<>();
    private final Map<String, List<String>> markdownPaths = new HashMap<>();
    private final Compiled page;
    private final Compiled component;

    /** A compiled schema and where its source sits, for {@link SchemaLabels}. */
    record Compiled(URI uri, JsonNode node, JsonSchema schema) {}

    SchemaCatalog(ComponentRegistry registry) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:venuekit/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // date-time and uri are promises operators rely on, not annotations
                .formatAssertionsEnabled(true)
                .build();

        JsonNode pageNode = readClasspath("venuekit/page.schema.json");
        documents.put(PAGE, pageNode);
        documents.put(COMMON, readClasspath("venuekit/components/common.json"));
        page = compile(factory, config, PAGE, pageNode);
        component = compile(factory, config, URI.create(PAGE + "#/$defs/component"), pageNode.at("/$defs/component"));
        for (ComponentSchema schema : registry.all()) {
            URI uri = propsUri(schema.type());
            documents.put(uri, schema.props());
            props.put(schema.type(), compile(factory, config, uri, schema.props()));
            List<String> anchors = new ArrayList<>();
            refPaths(schema.props(), "", "common.json#/$defs/componentId", anchors);
            List<String> links = new ArrayList<>();
            refPaths(schema.props(), "", "common.json#/$defs/link", links);
            links.forEach(link -> anchors.add(link + "/target?anchor"));
            // an action names components too: its link's anchor, the section it scrolls to, the tabs it switches
            for (String action : LinkProps.actions(schema.props())) {
                anchors.add(action + "/link/target?anchor");
                anchors.add(action + "/anchor");
                anchors.add(action + "/tabs");
            }
            anchorPaths.put(schema.type(), List.copyOf(anchors));
            linkPaths.put(schema.type(), LinkProps.links(schema.props()));
            markdownPaths.put(schema.type(), LinkProps.markdown(schema.props()));
        }
    }

    static URI propsUri(String type) {
        return URI.create(BASE + "components/" + type + ".props.json");
    }

    Compiled page() {
        return page;
    }

    Compiled component() {
        return component;
    }

    Compiled props(String type) {
        return props.get(type);
    }

    /**
     * Pointers (with {@code *} for any array index) to the props of a type that name another
     * component: {@code componentId}s, and links' targets, marked {@code ?anchor} because they
     * name a component only when the link's kind is {@code anchor}.
     */
    List<String> anchorPaths(String type) {
        return anchorPaths.getOrDefault(type, List.of());
    }

    /** Pointers (with {@code *}) to the links ({@code common.json#/$defs/link}) of a type's props. */
    List<String> linkPaths(String type) {
        return linkPaths.getOrDefault(type, List.of());
    }

    /** Pointers (with {@code *}) to the props of a type that hold markdown ({@code "contentMediaType": "text/markdown"}). */
    List<String> markdownPaths(String type) {
        return markdownPaths.getOrDefault(type, List.of());
    }

    private static void refPaths(JsonNode schema, String pointer, String ref, List<String> into) {
        if (ref.equals(schema.path("$ref").asText())) {
            into.add(pointer);
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(e -> refPaths(e.getValue(), pointer + "/" + e.getKey(), ref, into));
        if (schema.has("items")) {
            refPaths(schema.get("items"), pointer + "/*", ref, into);
        }
    }

    /** The source of a schema document by its URI (without fragment), or null. */
    JsonNode document(URI uri) {
        return documents.get(uri);
    }

    private static Compiled compile(JsonSchemaFactory factory, SchemaValidatorsConfig config, URI uri, JsonNode node) {
        JsonSchema schema = uri.getFragment() == null
                ? factory.getSchema(SchemaLocation.of(uri.toString()), node, config)
                : factory.getSchema(SchemaLocation.of(uri.toString()), config);
        // resolve every $ref now, so a broken reference fails at start-up and not on the first page
        schema.initializeValidators();
        return new Compiled(uri, node, schema);
    }

    private static JsonNode readClasspath(String path) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
