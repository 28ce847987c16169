package io.venuekit.components.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a published snapshot stores so that it never changes when a schema changes later: the
 * document with every component's props already migrated to the current schema versions, and
 * those versions, pinned per type ({@code componentVersions}). A later schema version upgrades
 * the snapshot's props from the pinned version through the declared migrations, exactly as it
 * would a draft; the stored document itself is never rewritten.
 *
 * @param document          the migrated page document (a new tree)
 * @param componentVersions type → schema version at publish, for the types the page uses
 */
public record PageSnapshot(JsonNode document, Map<String, Integer> componentVersions) {

    public PageSnapshot {
        componentVersions = Map.copyOf(componentVersions);
    }

    /** Migrates the page and pins the versions of the types it uses. Validate the page first. */
    public static PageSnapshot of(ComponentRegistry registry, JsonNode page) {
        JsonNode document = new ComponentMigrator(registry).upgradePage(page);
        Map<String, Integer> versions = new TreeMap<>();
        collect(registry, document.path("components"), versions, 0);
        return new PageSnapshot(document, versions);
    }

    private static void collect(
            ComponentRegistry registry, JsonNode components, Map<String, Integer> versions, int depth) {
        if (!components.isArray() || depth > 64) {
            return;
        }
        for (JsonNode component : components) {
            String type = component.path("type").asText(null);
            registry.find(type).ifPresent(schema -> versions.put(schema.type(), schema.version()));
            collect(registry, component.path("children"), versions, depth + 1);
        }
    }
}
