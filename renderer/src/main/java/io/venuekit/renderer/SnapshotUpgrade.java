package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.migration.ComponentMigrator;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Published snapshots are never rewritten: one pinned to an older version of a component's schema
 * (its components' {@code version}) is upgraded through the schema's migrations when it is served,
 * as a draft is when read. The upgrade is worked out once per snapshot (by identity, as
 * {@link SnapshotFacts} are) and only renders use it, so the cached path never pays for it; a
 * snapshot with nothing to upgrade is served as it is, without a copy.
 */
final class SnapshotUpgrade {

    private static final int SLOTS = 64;

    private record Entry(JsonNode stored, JsonNode served) {}

    private final ComponentRegistry registry;
    private final ComponentMigrator migrator;
    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

    SnapshotUpgrade(ComponentRegistry registry) {
        this.registry = registry;
        this.migrator = new ComponentMigrator(registry);
    }

    /** The snapshot with every component's props at its schema's current version. */
    JsonNode of(JsonNode snapshot) {
        int slot = System.identityHashCode(snapshot) & (SLOTS - 1);
        Entry entry = slots.get(slot);
        if (entry == null || entry.stored != snapshot) {
            entry = new Entry(
                    snapshot, outdated(snapshot.path("components"), 0) ? migrator.upgradePage(snapshot) : snapshot);
            slots.set(slot, entry);
        }
        return entry.served;
    }

    private boolean outdated(JsonNode components, int depth) {
        if (!components.isArray() || depth > 64) {
            return false;
        }
        for (JsonNode c : components) {
            JsonNode version = c.get("version");
            boolean older = version != null
                    && version.canConvertToInt()
                    && registry.find(c.path("type").asText(null))
                            .map(schema -> version.asInt() < schema.version())
                            .orElse(false);
            if (older || outdated(c.path("children"), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
