package io.venuekit.components;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All known component types, by type name. Immutable once built. */
public final class ComponentRegistry {

    private final Map<String, ComponentSchema> byType;

    public ComponentRegistry(Collection<ComponentSchema> schemas) {
        Map<String, ComponentSchema> map = new LinkedHashMap<>();
        schemas.stream().sorted((a, b) -> a.type().compareTo(b.type())).forEach(s -> map.put(s.type(), s));
        this.byType = Collections.unmodifiableMap(map);
    }

    /** The schemas shipped on the classpath under {@code venuekit/components/}. */
    public static ComponentRegistry loadDefault() {
        return new ComponentRegistry(SchemaFileReader.readClasspath());
    }

    public Optional<ComponentSchema> find(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type));
    }

    public boolean contains(String type) {
        return type != null && byType.containsKey(type);
    }

    public Collection<ComponentSchema> all() {
        return byType.values();
    }

    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** Every image slot shape some component declares ({@code 16:9}, ...), each once, in type order. */
    public List<String> imageAspects() {
        return byType.values().stream()
                .flatMap(s -> s.images().stream())
                .map(ComponentSchema.ImageSlot::aspect)
                .distinct()
                .toList();
    }
}
