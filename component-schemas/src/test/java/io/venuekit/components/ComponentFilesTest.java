package io.venuekit.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every component file against the file-format meta-schema, and the rules a schema cannot state. */
class ComponentFilesTest {

    static final List<String> REQUIRED_TYPES = List.of(
            "section",
            "tabs",
            "anchor-nav",
            "hero-banner",
            "carousel",
            "image",
            "rich-text",
            "countdown",
            "coupon-card",
            "product-card",
            "product-grid",
            "product-waterfall",
            "shop-card",
            "live-card",
            "video",
            "showcase-3d",
            "lottery-entry",
            "spacer");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();

    @Test
    void registryHoldsEveryRequiredType() {
        assertTrue(REGISTRY.types().containsAll(REQUIRED_TYPES), "missing: " + missing());
        assertTrue(REGISTRY.types().size() >= 18);
    }

    @Test
    void atLeastTwoTypesHaveMovedOnWithAMigration() {
        long moved = REGISTRY.all().stream()
                .filter(s -> s.version() >= 2 && !s.migrations().isEmpty())
                .count();
        assertTrue(moved >= 2, "types at version 2+: " + moved);
    }

    @TestFactory
    Stream<DynamicTest> everyFileMatchesTheFileFormat() {
        JsonSchema meta = metaSchema();
        return SchemaFileReader.listClasspathFiles().stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    JsonNode file = read(SchemaFileReader.DIRECTORY + name);
                    Set<ValidationMessage> faults = meta.validate(file);
                    assertEquals(Set.of(), faults, name + " breaks component-file.schema.json");
                    assertEquals(name, file.path("type").asText() + ".json", "file name must be the type name");
                }));
    }

    @Test
    void metaSchemaRejectsABrokenFile() {
        JsonNode broken = REGISTRY.find("image").orElseThrow().file().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("images").get("/image")).put("aspect", "16/9");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("props")).put("type", "objekt");
        List<String> where = new ArrayList<>();
        metaSchema()
                .validate(broken)
                .forEach(m -> where.add(m.getInstanceLocation().toString()));
        assertTrue(where.contains("/images/~1image/aspect"), where.toString());
        assertTrue(where.stream().anyMatch(p -> p.startsWith("/props/type")), where.toString());
    }

    @Test
    void aNewSlotShapeIsOnlyANewFile() {
        JsonNode wide = REGISTRY.find("image").orElseThrow().file().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wide.get("images").get("/image")).put("aspect", "21:9");
        assertEquals(Set.of(), metaSchema().validate(wide));
    }

    @TestFactory
    Stream<DynamicTest> referencesNameExistingTypes() {
        return REGISTRY.all().stream()
                .map(s -> DynamicTest.dynamicTest(s.type(), () -> {
                    if (s.fallback() != null) {
                        assertTrue(
                                REGISTRY.contains(s.fallback()), s.type() + " falls back to unknown " + s.fallback());
                    }
                    for (String allowed : s.slots().allowed()) {
                        assertTrue(
                                allowed.equals("*") || REGISTRY.contains(allowed),
                                s.type() + " allows unknown child " + allowed);
                    }
                    for (Map.Entry<String, ComponentSchema.TierPolicy> tier :
                            s.tiers().entrySet()) {
                        ComponentSchema.Replacement r = tier.getValue().replaceWith();
                        if (r != null) {
                            ComponentSchema target = REGISTRY.find(r.type()).orElse(null);
                            assertNotNull(
                                    target, s.type() + " " + tier.getKey() + " is replaced by unknown " + r.type());
                            for (Map.Entry<String, String> mapping : r.props().entrySet()) {
                                assertTrue(
                                        target.props().path("properties").has(mapping.getKey()),
                                        r.type() + " has no prop " + mapping.getKey() + " (from " + s.type() + ")");
                                assertTrue(
                                        propertyAt(s.props(), mapping.getValue()),
                                        s.type() + " has no prop at " + mapping.getValue());
                            }
                        }
                        ComponentSchema.TierPolicy policy = tier.getValue();
                        if (policy.props() != null) {
                            policy.props()
                                    .fieldNames()
                                    .forEachRemaining(p -> assertTrue(
                                            s.props().path("properties").has(p),
                                            s.type() + " " + tier.getKey() + " overrides unknown prop " + p));
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> fallbackPropsAndMotionNameRealProps() {
        return REGISTRY.all().stream()
                .map(s -> DynamicTest.dynamicTest(s.type(), () -> {
                    JsonNode fallbackProps = s.file().path("fallbackProps");
                    if (!fallbackProps.isMissingNode()) {
                        assertNotNull(s.fallback(), s.type() + " maps props for a fallback it does not have");
                        JsonNode target = REGISTRY.find(s.fallback())
                                .orElseThrow()
                                .props()
                                .path("properties");
                        fallbackProps.fields().forEachRemaining(e -> {
                            assertTrue(
                                    target.has(e.getKey()),
                                    s.fallback() + " has no prop " + e.getKey() + " (from " + s.type() + ")");
                            assertTrue(
                                    propertyAt(s.props(), e.getValue().asText()),
                                    s.type() + " has no prop at " + e.getValue().asText());
                        });
                    }
                    s.file()
                            .path("motion")
                            .fieldNames()
                            .forEachRemaining(p -> assertTrue(
                                    s.props().path("properties").has(p),
                                    s.type() + " motion overrides unknown prop " + p));
                }));
    }

    @Test
    void fallbackChainsEndWithoutCycles() {
        for (ComponentSchema s : REGISTRY.all()) {
            Set<String> seen = new HashSet<>();
            String at = s.type();
            while (at != null) {
                assertTrue(seen.add(at), "fallback cycle through " + seen);
                at = REGISTRY.find(at).map(ComponentSchema::fallback).orElse(null);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> migrationsLeadFromOneToTheCurrentVersion() {
        return REGISTRY.all().stream()
                .map(s -> DynamicTest.dynamicTest(s.type(), () -> {
                    int at = 1;
                    for (ComponentSchema.Migration m : s.migrations()) {
                        assertEquals(at, m.from(), s.type() + " migrations must be consecutive");
                        assertEquals(at + 1, m.to(), s.type() + " migrations go one version at a time");
                        at = m.to();
                    }
                    assertEquals(
                            s.version(),
                            at,
                            s.type() + " version " + s.version() + " is not reached by its migrations");
                }));
    }

    @TestFactory
    Stream<DynamicTest> imagePointersNameImageProps() {
        return REGISTRY.all().stream()
                .flatMap(s -> s.images().stream()
                        .map(slot -> DynamicTest.dynamicTest(s.type() + slot.pointer(), () -> {
                            JsonNode node = s.props();
                            for (String token : slot.pointer().substring(1).split("/")) {
                                node = "*".equals(token)
                                        ? node.path("items")
                                        : node.path("properties").path(token);
                            }
                            assertEquals(
                                    "common.json#/$defs/imageRef",
                                    node.path("$ref").asText(),
                                    s.type() + slot.pointer() + " is not an imageRef");
                            assertTrue(slot.ratio() > 0);
                        })));
    }

    @Test
    void everyImagePropIsDeclaredWithItsAspect() {
        for (ComponentSchema s : REGISTRY.all()) {
            Set<String> declared = new HashSet<>();
            s.images().forEach(i -> declared.add(i.pointer()));
            List<String> found = new ArrayList<>();
            findImageRefs(s.props(), "", found);
            assertEquals(new HashSet<>(found), declared, s.type());
        }
    }

    @Test
    void lowTierPoliciesSpareLowEndPhones() {
        assertEquals("image", tier("video", "low").replaceWith().type());
        assertEquals("/poster", tier("video", "low").replaceWith().props().get("image"));
        assertEquals("image", tier("showcase-3d", "low").replaceWith().type());
        assertFalse(tier("carousel", "low").props().get("autoplay").asBoolean());
        assertEquals(3, tier("carousel", "low").maxChildren());
        assertTrue(tier("product-waterfall", "low").lazy());
        assertEquals(12, tier("product-grid", "low").maxChildren());
        assertFalse(tier("countdown", "low").props().get("animated").asBoolean());
        assertEquals(ComponentSchema.TierPolicy.NONE, tier("spacer", "low"));
    }

    private static ComponentSchema.TierPolicy tier(String type, String tier) {
        return REGISTRY.find(type).orElseThrow().tier(tier);
    }

    private static void findImageRefs(JsonNode schema, String pointer, List<String> into) {
        if ("common.json#/$defs/imageRef".equals(schema.path("$ref").asText())) {
            into.add(pointer);
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(e -> findImageRefs(e.getValue(), pointer + "/" + e.getKey(), into));
        if (schema.has("items")) {
            findImageRefs(schema.get("items"), pointer + "/*", into);
        }
    }

    private static boolean propertyAt(JsonNode props, String pointer) {
        JsonNode node = props;
        for (String token : pointer.substring(1).split("/")) {
            node = node.path("properties").path(token);
        }
        return !node.isMissingNode();
    }

    private static List<String> missing() {
        List<String> missing = new ArrayList<>(REQUIRED_TYPES);
        missing.removeAll(REGISTRY.types());
        return missing;
    }

    private static JsonSchema metaSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://venuekit.io/", "classpath:venuekit/")));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        JsonSchema schema = factory.getSchema(
                SchemaLocation.of("https://venuekit.io/components/component-file.schema.json"), config);
        schema.initializeValidators();
        return schema;
    }

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = ComponentFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            return MAPPER.readTree(in);
        }
    }
}
