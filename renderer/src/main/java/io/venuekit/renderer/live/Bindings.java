package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.renderer.SnapshotId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every data binding of a published snapshot, found once per snapshot: which component shows
 * which item of which source, and how it shows a sold-out item. The whole tree counts, whatever
 * the tier: live data is one response per page version, shared by every phone.
 *
 * @param bySource the ids each source is asked for, in the order first bound
 */
public record Bindings(String pageId, int version, List<Binding> list, Map<String, Set<String>> bySource) {

    /** What a component does with a sold-out item, from its schema's {@code data.<name>.soldOut}. */
    public enum SoldOut {
        /** shown, marked sold out (the default) */
        MARK,
        /** left out */
        DROP
    }

    /** Component {@code componentId} shows item {@code itemId} of {@code source} as its {@code name} binding. */
    public record Binding(String componentId, String name, String source, String itemId, SoldOut soldOut) {}

    public static Bindings of(ComponentRegistry registry, JsonNode snapshot) {
        SnapshotId id = SnapshotId.of(snapshot);
        List<Binding> list = new ArrayList<>();
        walk(registry, snapshot.path("components"), list);
        Map<String, Set<String>> bySource = new LinkedHashMap<>();
        for (Binding b : list) {
            bySource.computeIfAbsent(b.source(), s -> new LinkedHashSet<>()).add(b.itemId());
        }
        bySource.replaceAll((s, ids) -> Collections.unmodifiableSet(ids));
        return new Bindings(id.pageId(), id.version(), List.copyOf(list), Collections.unmodifiableMap(bySource));
    }

    private static void walk(ComponentRegistry registry, JsonNode components, List<Binding> out) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode c : components) {
            ComponentSchema schema = registry.find(c.path("type").asText("")).orElse(null);
            if (schema != null) {
                for (Map.Entry<String, ComponentSchema.DataBinding> e :
                        schema.data().entrySet()) {
                    JsonNode id = c.path("props").get(e.getValue().prop());
                    if (id != null && id.isTextual() && !id.asText().isEmpty()) {
                        String policy = schema.file()
                                .path("data")
                                .path(e.getKey())
                                .path("soldOut")
                                .asText("mark");
                        out.add(new Binding(
                                c.path("id").asText(""),
                                e.getKey(),
                                e.getValue().source(),
                                id.asText(),
                                "drop".equals(policy) ? SoldOut.DROP : SoldOut.MARK));
                    }
                }
            }
            walk(registry, c.path("children"), out);
        }
    }
}
