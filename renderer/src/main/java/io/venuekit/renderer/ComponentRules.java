package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.links.LinkProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the renderer reads from one schema file, worked out once when the renderer is built so
 * that rendering does no schema parsing.
 *
 * @param schema        the component schema
 * @param motion        prop overrides for users who prefer reduced motion (the file's {@code motion} key)
 * @param required      the props the type cannot render without
 * @param properties    the prop names the type declares
 * @param images        the image props with their slot shape and width
 * @param fallbackProps how the props of this type map onto its fallback type, or null to keep same-named props
 * @param httpsUrls     props pointers to media addresses ({@code common.json#/$defs/httpsUrl}), checked at render
 * @param markdown      props pointers to markdown text, whose links are checked at render
 * @param actions       props pointers to actions ({@code common.json#/$defs/action}), completed and checked at render
 */
record ComponentRules(
        ComponentSchema schema,
        ObjectNode motion,
        List<String> required,
        List<String> properties,
        List<ImageRule> images,
        ComponentSchema.Replacement fallbackProps,
        List<String> httpsUrls,
        List<String> markdown,
        List<String> actions) {

    /**
     * An image prop.
     *
     * @param segments      the pointer split, {@code *} for any array index
     * @param aspect        the crop shape
     * @param widthFraction the share of the component's width the image fills (the file's optional
     *                      {@code images.<pointer>.width}, else 1)
     */
    record ImageRule(String pointer, String[] segments, String aspect, double widthFraction) {}

    static ComponentRules of(ComponentSchema schema) {
        JsonNode file = schema.file() == null ? JsonNodeFactory.instance.objectNode() : schema.file();
        ObjectNode motion =
                file.path("motion").isObject() ? (ObjectNode) file.get("motion") : conventionalMotion(schema.props());
        List<String> required = new ArrayList<>();
        schema.props().path("required").forEach(r -> required.add(r.asText()));
        List<String> properties = new ArrayList<>();
        schema.props().path("properties").fieldNames().forEachRemaining(properties::add);
        List<ImageRule> images = new ArrayList<>();
        for (ComponentSchema.ImageSlot slot : schema.images()) {
            double fraction =
                    file.path("images").path(slot.pointer()).path("width").asDouble(1.0);
            images.add(new ImageRule(
                    slot.pointer(), segments(slot.pointer()), slot.aspect(), fraction > 0 ? fraction : 1.0));
        }
        return new ComponentRules(
                schema,
                motion,
                List.copyOf(required),
                List.copyOf(properties),
                List.copyOf(images),
                fallbackMapping(schema, file),
                LinkProps.httpsUrls(schema.props()),
                LinkProps.markdown(schema.props()),
                LinkProps.actions(schema.props()));
    }

    static Map<String, ComponentRules> all(ComponentRegistry registry) {
        Map<String, ComponentRules> rules = new LinkedHashMap<>();
        registry.all().forEach(s -> rules.put(s.type(), of(s)));
        return Map.copyOf(rules);
    }

    /**
     * The file's own {@code fallbackProps} ({@code target prop -> pointer}) when it has one; else a
     * tier's {@code replaceWith} to the same type, since that already says how the props map.
     */
    private static ComponentSchema.Replacement fallbackMapping(ComponentSchema schema, JsonNode file) {
        if (schema.fallback() == null) {
            return null;
        }
        if (file.path("fallbackProps").isObject()) {
            Map<String, String> map = new LinkedHashMap<>();
            file.get("fallbackProps")
                    .fields()
                    .forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return new ComponentSchema.Replacement(
                    schema.fallback(), Map.copyOf(map), JsonNodeFactory.instance.objectNode());
        }
        for (String tier : List.of("low", "mid", "high")) {
            ComponentSchema.Replacement r = schema.tier(tier).replaceWith();
            if (r != null && schema.fallback().equals(r.type())) {
                return r;
            }
        }
        return null;
    }

    /**
     * For a file without a {@code motion} key: every boolean prop the type declares under one of
     * the {@link #MOTION_PROPS} names, switched off. A naming convention over props, so it holds
     * for any type; a file's own {@code motion} key replaces it.
     */
    private static ObjectNode conventionalMotion(JsonNode props) {
        ObjectNode motion = JsonNodeFactory.instance.objectNode();
        for (String name : MOTION_PROPS) {
            if ("boolean"
                    .equals(props.path("properties").path(name).path("type").asText())) {
                motion.put(name, false);
            }
        }
        return motion;
    }

    /** The title a prop's schema gives it, else its name: what a degradation message calls it. */
    String propTitle(String name) {
        return schema.props().path("properties").path(name).path("title").asText(name);
    }

    /** Prop names that mean movement on screen, by convention across the component files. */
    static final List<String> MOTION_PROPS =
            List.of("animated", "autoplay", "autoRotate", "animatedIndicator", "autoplayPreview");

    private static String[] segments(String pointer) {
        String[] raw = pointer.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
        }
        return raw;
    }
}
