package io.venuekit.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads component schema files into {@link ComponentSchema}s. */
final class SchemaFileReader {

    static final String DIRECTORY = "venuekit/components/";
    /** Files in the directory that are not component types. */
    static final List<String> SHARED_FILES = List.of("common.json", "component-file.schema.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaFileReader() {}

    static List<ComponentSchema> readClasspath() {
        List<ComponentSchema> result = new ArrayList<>();
        for (String name : listClasspathFiles()) {
            try (InputStream in = SchemaFileReader.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
                result.add(read(MAPPER.readTree(in)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("component schema file " + name + " is broken: " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** The names of the component files (not the shared ones) on the classpath. */
    static List<String> listClasspathFiles() {
        URL url = SchemaFileReader.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream()
                            .map(JarEntry::getName)
                            .filter(n -> n.startsWith(DIRECTORY) && n.endsWith(".json"))
                            .map(n -> n.substring(DIRECTORY.length()))
                            .filter(n -> !n.contains("/"))
                            .forEach(names::add);
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".json"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.removeAll(SHARED_FILES);
        names.sort(null);
        return names;
    }

    static ComponentSchema read(JsonNode file) {
        JsonNode props = file.path("props");
        return new ComponentSchema(
                file.path("type").asText(),
                file.path("version").asInt(1),
                file.path("title").asText(),
                file.path("category").asText(),
                file.path("icon").asText(),
                file.path("description").asText(""),
                props,
                defaults(props),
                images(file.path("images")),
                slots(file.path("slots")),
                data(file.path("data")),
                tiers(file.path("tiers")),
                file.hasNonNull("fallback") ? file.get("fallback").asText() : null,
                migrations(file.path("migrations")),
                file);
    }

    private static ObjectNode defaults(JsonNode props) {
        ObjectNode defaults = MAPPER.createObjectNode();
        props.path("properties").fields().forEachRemaining(e -> {
            if (e.getValue().has("default")) {
                defaults.set(e.getKey(), e.getValue().get("default").deepCopy());
            }
        });
        return defaults;
    }

    private static List<ComponentSchema.ImageSlot> images(JsonNode images) {
        List<ComponentSchema.ImageSlot> list = new ArrayList<>();
        images.fields()
                .forEachRemaining(e -> list.add(new ComponentSchema.ImageSlot(
                        e.getKey(), e.getValue().path("aspect").asText())));
        return List.copyOf(list);
    }

    private static ComponentSchema.Slots slots(JsonNode slots) {
        if (slots.isMissingNode() || slots.isNull()) {
            return ComponentSchema.Slots.NONE;
        }
        List<String> allowed = new ArrayList<>();
        slots.path("allowed").forEach(t -> allowed.add(t.asText()));
        return new ComponentSchema.Slots(
                List.copyOf(allowed),
                slots.path("min").asInt(0),
                slots.path("max").asInt(Integer.MAX_VALUE));
    }

    private static Map<String, ComponentSchema.DataBinding> data(JsonNode data) {
        Map<String, ComponentSchema.DataBinding> map = new LinkedHashMap<>();
        data.fields()
                .forEachRemaining(e -> map.put(
                        e.getKey(),
                        new ComponentSchema.DataBinding(
                                e.getValue().path("source").asText(),
                                e.getValue().path("prop").asText())));
        return Map.copyOf(map);
    }

    private static Map<String, ComponentSchema.TierPolicy> tiers(JsonNode tiers) {
        Map<String, ComponentSchema.TierPolicy> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tiers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            ComponentSchema.Replacement replacement = null;
            if (p.hasNonNull("replaceWith")) {
                JsonNode r = p.get("replaceWith");
                Map<String, String> mapping = new LinkedHashMap<>();
                r.path("props")
                        .fields()
                        .forEachRemaining(
                                m -> mapping.put(m.getKey(), m.getValue().asText()));
                replacement = new ComponentSchema.Replacement(
                        r.path("type").asText(),
                        Map.copyOf(mapping),
                        r.has("fixed") ? (ObjectNode) r.get("fixed") : MAPPER.createObjectNode());
            }
            map.put(
                    e.getKey(),
                    new ComponentSchema.TierPolicy(
                            p.has("props") ? (ObjectNode) p.get("props") : null,
                            p.hasNonNull("maxChildren") ? p.get("maxChildren").asInt() : null,
                            replacement,
                            p.path("drop").asBoolean(false),
                            p.path("lazy").asBoolean(false)));
        }
        return Map.copyOf(map);
    }

    private static List<ComponentSchema.Migration> migrations(JsonNode migrations) {
        List<ComponentSchema.Migration> list = new ArrayList<>();
        migrations.forEach(m -> {
            List<JsonNode> ops = new ArrayList<>();
            m.path("ops").forEach(ops::add);
            list.add(new ComponentSchema.Migration(
                    m.path("from").asInt(), m.path("to").asInt(), List.copyOf(ops)));
        });
        return List.copyOf(list);
    }
}
