package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry of the made-up types under {@code test-components/}, one per policy kind, so the
 * policy tests do not change whenever a real component's degradation is retuned. Reads the same
 * file format as component-schemas (whose reader is internal to that module).
 */
final class TestRegistry {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> TYPES = List.of(
            "promo-video",
            "promo-image",
            "promo-gallery",
            "promo-feed",
            "promo-sparkle",
            "promo-text",
            "promo-game",
            "promo-orphan",
            "promo-tiles",
            "promo-box",
            "promo-loop-a",
            "promo-loop-b");

    private TestRegistry() {}

    static ComponentRegistry load() {
        List<ComponentSchema> schemas = new ArrayList<>();
        for (String type : TYPES) {
            schemas.add(read(resource("test-components/" + type + ".json")));
        }
        return new ComponentRegistry(schemas);
    }

    static JsonNode resource(String path) {
        try (InputStream in = TestRegistry.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComponentSchema read(JsonNode file) {
        JsonNode props = file.path("props");
        ObjectNode defaults = MAPPER.createObjectNode();
        props.path("properties").fields().forEachRemaining(e -> {
            if (e.getValue().has("default")) {
                defaults.set(e.getKey(), e.getValue().get("default"));
            }
        });
        List<ComponentSchema.ImageSlot> images = new ArrayList<>();
        file.path("images")
                .fields()
                .forEachRemaining(e -> images.add(new ComponentSchema.ImageSlot(
                        e.getKey(), e.getValue().path("aspect").asText())));
        List<String> allowed = new ArrayList<>();
        file.path("slots").path("allowed").forEach(a -> allowed.add(a.asText()));
        Map<String, ComponentSchema.TierPolicy> tiers = new LinkedHashMap<>();
        file.path("tiers").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            ComponentSchema.Replacement r = null;
            if (p.has("replaceWith")) {
                Map<String, String> map = new LinkedHashMap<>();
                p.get("replaceWith")
                        .path("props")
                        .fields()
                        .forEachRemaining(m -> map.put(m.getKey(), m.getValue().asText()));
                r = new ComponentSchema.Replacement(
                        p.get("replaceWith").path("type").asText(),
                        map,
                        p.get("replaceWith").has("fixed")
                                ? (ObjectNode) p.get("replaceWith").get("fixed")
                                : MAPPER.createObjectNode());
            }
            tiers.put(
                    e.getKey(),
                    new ComponentSchema.TierPolicy(
                            p.has("props") ? (ObjectNode) p.get("props") : null,
                            p.has("maxChildren") ? p.get("maxChildren").asInt() : null,
                            r,
                            p.path("drop").asBoolean(),
                            p.path("lazy").asBoolean()));
        });
        return new ComponentSchema(
                file.path("type").asText(),
                1,
                file.path("type").asText(),
                "content",
                "x",
                "test type",
                props,
                defaults,
                images,
                new ComponentSchema.Slots(
                        allowed, 0, file.path("slots").path("max").asInt(0)),
                Map.of(),
                tiers,
                file.hasNonNull("fallback") ? file.get("fallback").asText() : null,
                List.of(),
                file);
    }
}
