package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.links.LinkProps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schema of the layout payload, as served at {@code /v1/schema/layout.json}: the envelope
 * written by hand ({@value LayoutRenderer#SCHEMA_RESOURCE}) with every component type's props,
 * data and type name filled in from the component schema files, so the contract apps generate
 * their models from never drifts from what the renderer sends.
 *
 * <p>A type's props schema is the one operators write against, turned into what the renderer
 * sends: an image prop (its {@code images} pointers) becomes a resolved image or null; an action
 * ({@code common.json#/$defs/action}) becomes the completed, typed {@code payloadAction}; links and
 * media addresses are no longer required, since the render-time link check may leave them out;
 * {@code common.json} references point at copies of its definitions in this document.
 */
public final class LayoutSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COMMON = "venuekit/components/common.json";
    private static final String COMMON_REF = "common.json#/$defs/";
    private static final String IMAGE_REF = COMMON_REF + "imageRef";

    private LayoutSchema() {}

    /** The schema for the payloads a renderer over this registry sends. */
    public static ObjectNode generate(ComponentRegistry registry) {
        ObjectNode schema = (ObjectNode) read(LayoutRenderer.SCHEMA_RESOURCE);
        ObjectNode defs = (ObjectNode) schema.get("$defs");
        JsonNode common = read(COMMON).path("$defs");
        for (Iterator<Map.Entry<String, JsonNode>> it = common.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> def = it.next();
            if (defs.has(def.getKey())) {
                throw new IllegalStateException(
                        "common.json's $defs/" + def.getKey() + " clashes with the layout schema's");
            }
            defs.set(def.getKey(), localRefs(def.getValue().deepCopy()));
        }
        ObjectNode component = (ObjectNode) defs.get("component");
        ArrayNode types =
                ((ObjectNode) component.get("properties")).putObject("type").putArray("enum");
        ArrayNode perType = component.putArray("allOf");
        for (ComponentSchema type : registry.all()) {
            if (type.type().equals(Experiments.TYPE)) {
                continue; // never sent: the variant it picks takes its place
            }
            types.add(type.type());
            String name = defName(type.type());
            defs.set(name, props(type));
            ObjectNode then = MAPPER.createObjectNode();
            ObjectNode properties = then.putObject("properties");
            properties.putObject("props").put("$ref", "#/$defs/" + name);
            properties.set("data", data(type));
            ObjectNode rule = perType.addObject();
            ObjectNode when = rule.putObject("if");
            when.putArray("required").add("type");
            when.putObject("properties").putObject("type").put("const", type.type());
            rule.set("then", then);
        }
        return schema;
    }

    /** The generated schema as served. */
    public static byte[] bytes(ComponentRegistry registry) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(generate(registry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code hero-banner} → {@code HeroBannerProps}: a name code generators turn into a class name. */
    static String defName(String type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.split("-")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.append("Props").toString();
    }

    private static ObjectNode props(ComponentSchema type) {
        ObjectNode props = type.props().deepCopy();
        props.remove("$schema");
        props.remove("$id");
        props.put("title", type.title());
        props.put("description", type.description());
        for (ComponentSchema.ImageSlot image : type.images()) {
            at(props, image.pointer(), (parent, key) -> parent.set(key, resolvedImage(parent.get(key))));
        }
        for (String action : LinkProps.actions(type.props())) {
            at(props, action, (parent, key) -> parent.set(key, ref(parent.get(key), "#/$defs/payloadAction")));
        }
        List<String> optional = new ArrayList<>(LinkProps.links(type.props()));
        optional.addAll(LinkProps.httpsUrls(type.props()));
        optional.addAll(LinkProps.actions(type.props()));
        for (String pointer : optional) {
            unrequire(props, pointer);
        }
        return (ObjectNode) localRefs(props);
    }

    /** What the payload's {@code data} holds for the type: one reference per binding it declares. */
    private static ObjectNode data(ComponentSchema type) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("type", "object");
        data.put("additionalProperties", false);
        ObjectNode properties = data.putObject("properties");
        type.data().keySet().forEach(binding -> properties.putObject(binding).put("$ref", "#/$defs/dataRef"));
        return data;
    }

    private static ObjectNode resolvedImage(JsonNode written) {
        ObjectNode image = MAPPER.createObjectNode();
        copyAnnotations(written, image);
        ArrayNode anyOf = image.putArray("anyOf");
        anyOf.addObject().put("$ref", "#/$defs/image");
        anyOf.addObject().put("type", "null");
        return image;
    }

    private static ObjectNode ref(JsonNode written, String ref) {
        ObjectNode node = MAPPER.createObjectNode();
        copyAnnotations(written, node);
        node.put("$ref", ref);
        return node;
    }

    private static void copyAnnotations(JsonNode from, ObjectNode to) {
        for (String keyword : new String[] {"title", "description"}) {
            if (from != null && from.has(keyword)) {
                to.set(keyword, from.get(keyword));
            }
        }
    }

    private interface Slot {
        void visit(ObjectNode parent, String key);
    }

    /** Visits the schema of the prop at a pointer ({@code *}: any array index) with its parent's {@code properties}. */
    private static void at(ObjectNode schema, String pointer, Slot slot) {
        String[] segments = pointer.substring(1).split("/");
        JsonNode node = schema;
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i].replace("~1", "/").replace("~0", "~");
            boolean last = i == segments.length - 1;
            if (seg.equals("*")) {
                if (last) {
                    if (node.get("items") instanceof ObjectNode) {
                        slot.visit((ObjectNode) node, "items");
                    }
                    return;
                }
                node = node.path("items");
                continue;
            }
            JsonNode properties = node.path("properties");
            if (!(properties instanceof ObjectNode owner) || !owner.has(seg)) {
                return;
            }
            if (last) {
                slot.visit(owner, seg);
                return;
            }
            node = owner.get(seg);
        }
    }

    /** Takes the prop at a pointer out of its parent's {@code required}. */
    private static void unrequire(ObjectNode schema, String pointer) {
        int cut = pointer.lastIndexOf('/');
        String name = pointer.substring(cut + 1);
        JsonNode parent = cut == 0 ? schema : null;
        if (parent == null) {
            JsonNode[] found = {null};
            String parentPointer = pointer.substring(0, cut);
            at(schema, parentPointer, (owner, key) -> found[0] = owner.get(key));
            parent = found[0];
        }
        if (parent instanceof ObjectNode p && p.get("required") instanceof ArrayNode required) {
            for (int i = required.size() - 1; i >= 0; i--) {
                if (required.get(i).asText().equals(name)) {
                    required.remove(i);
                }
            }
            if (required.isEmpty()) {
                p.remove("required");
            }
        }
    }

    /** {@code common.json#/$defs/x} → {@code #/$defs/x}, everywhere in the tree. */
    private static JsonNode localRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(COMMON_REF)) {
                object.put(
                        "$ref",
                        ref.asText().equals(IMAGE_REF)
                                ? "#/$defs/image"
                                : "#" + ref.asText().substring("common.json#".length()));
            }
            object.fields().forEachRemaining(e -> localRefs(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(LayoutSchema::localRefs);
        }
        return node;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = LayoutSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
