package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What every request for a snapshot asks of it before the cache answers (schedule, the facts
 * its targeting reads, its id and version), worked out once per snapshot instead of walking
 * the tree on every request. Snapshots are immutable, so a fact never goes stale.
 */
record SnapshotFacts(
        JsonNode snapshot,
        String pageId,
        int version,
        Schedule schedule,
        TargetingFacts targeting,
        java.util.List<JsonNode> experiments) {

    static SnapshotFacts of(JsonNode snapshot) {
        SnapshotId id = SnapshotId.of(snapshot);
        java.util.List<JsonNode> experiments = new java.util.ArrayList<>();
        experiments(snapshot.path("components"), experiments, 0);
        return new SnapshotFacts(
                snapshot,
                id.pageId(),
                id.version(),
                Schedule.of(snapshot),
                TargetingFacts.of(snapshot),
                java.util.List.copyOf(experiments));
    }

    /** The snapshot's experiment components, in document order: their assignments are part of the cache key. */
    private static void experiments(JsonNode components, java.util.List<JsonNode> into, int depth) {
        if (!components.isArray() || depth > 64) {
            return;
        }
        for (JsonNode c : components) {
            if (Experiments.is(c)) {
                into.add(c);
            }
            experiments(c.path("children"), into, depth + 1);
        }
    }

    /**
     * A few slots by identity: the snapshots being served are few and long-lived, and a lookup
     * must take no lock and never compare trees (JsonNode equality is deep).
     */
    static final class Memo {
        private static final int SLOTS = 64;
        private final AtomicReferenceArray<SnapshotFacts> slots = new AtomicReferenceArray<>(SLOTS);

        SnapshotFacts of(JsonNode snapshot) {
            int slot = System.identityHashCode(snapshot) & (SLOTS - 1);
            SnapshotFacts facts = slots.get(slot);
            if (facts == null || facts.snapshot != snapshot) {
                facts = SnapshotFacts.of(snapshot);
                slots.set(slot, facts);
            }
            return facts;
        }
    }
}
