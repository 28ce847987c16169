package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The assets a snapshot names (every {@code {"asset": id}} in it, wherever a component keeps one),
 * remembered per snapshot object: a published snapshot is shared by every request and never changes.
 */
final class AssetReferences {

    private final Cache<JsonNode, List<String>> bySnapshot =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    List<String> of(JsonNode snapshot) {
        return bySnapshot.get(snapshot, AssetReferences::collect);
    }

    static List<String> collect(JsonNode snapshot) {
        Set<String> ids = new LinkedHashSet<>();
        collect(snapshot, ids);
        return List.copyOf(ids);
    }

    private static void collect(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            JsonNode asset = node.get("asset");
            if (asset != null && asset.isTextual()) {
                ids.add(asset.asText());
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, ids));
        }
    }
}
