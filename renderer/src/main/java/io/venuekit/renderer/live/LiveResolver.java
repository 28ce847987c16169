package io.venuekit.renderer.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.renderer.SnapshotId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a published snapshot's bindings into its live data: one batched call per source
 * through that source's {@link SourceCache}, every item of a source from one batch (so one price
 * snapshot per response, and a SKU bound by three cards is one entry with one price), sold-out and
 * missing items marked or dropped per component as its schema says. The layout payload stays
 * immutable and cacheable; this response is the small part that changes by the second.
 * Thread-safe; {@link #resolve} may block on a source, {@link #cached} never does.
 */
public final class LiveResolver {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Bindings per page version: snapshots are immutable, and few are served at once. */
    private static final int MAX_PLANS = 512;

    private final ComponentRegistry registry;
    private final Map<String, SourceCache> caches;
    private final long maxAgeSeconds;
    private final Map<String, Bindings> plans = new ConcurrentHashMap<>();
    private final Map<String, LiveData> last = new ConcurrentHashMap<>();

    /**
     * @param caches        by source name; a binding to a source not here is listed as {@code unresolved}
     * @param maxAgeSeconds what the response tells clients and shared caches they may keep it
     */
    public LiveResolver(ComponentRegistry registry, Map<String, SourceCache> caches, long maxAgeSeconds) {
        this.registry = registry;
        this.caches = Map.copyOf(caches);
        this.maxAgeSeconds = maxAgeSeconds;
    }

    public long maxAgeSeconds() {
        return maxAgeSeconds;
    }

    public Bindings bindings(JsonNode snapshot) {
        String key = key(snapshot);
        Bindings plan = plans.get(key);
        if (plan == null) {
            if (plans.size() >= MAX_PLANS) {
                plans.clear();
                last.clear();
            }
            plan = Bindings.of(registry, snapshot);
            plans.put(key, plan);
        }
        return plan;
    }

    /** The live data from fresh batches alone, or null when a source would have to be asked. Never blocks. */
    public LiveData cached(JsonNode snapshot) {
        Bindings plan = bindings(snapshot);
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> e : plan.bySource().entrySet()) {
            SourceCache cache = caches.get(e.getKey());
            if (cache != null) {
                Batch b = cache.peek(e.getValue());
                if (b == null) {
                    return null;
                }
                batches.add(b);
            }
        }
        return assemble(plan, batches);
    }

    /**
     * The live data, asking each source at most once (through its cache).
     *
     * @throws DataSourceException when a source fails with nothing young enough to fall back on
     */
    public LiveData resolve(JsonNode snapshot) {
        Bindings plan = bindings(snapshot);
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> e : plan.bySource().entrySet()) {
            SourceCache cache = caches.get(e.getKey());
            if (cache != null) {
                batches.add(cache.get(e.getValue()));
            }
        }
        return assemble(plan, batches);
    }

    /** Builds the response, or hands back the last one when it was made from the very same batches. */
    private LiveData assemble(Bindings plan, List<Batch> batches) {
        String key = plan.pageId() + "@" + plan.version();
        LiveData previous = last.get(key);
        if (previous != null && sameBatches(previous.batches(), batches)) {
            return previous;
        }
        ObjectNode payload = NODES.objectNode();
        payload.putObject("page").put("id", plan.pageId()).put("version", plan.version());
        long asOf = Long.MAX_VALUE;
        boolean stale = false;
        String priceSnapshot = null;
        StringBuilder etag = new StringBuilder("\"live-").append(plan.version());
        ObjectNode items = NODES.objectNode();
        ObjectNode snapshots = NODES.objectNode();
        for (Batch b : batches) {
            asOf = Math.min(asOf, b.fetchedAt());
            stale |= b.stale();
            ObjectNode own = items.putObject(b.source());
            for (String id : plan.bySource().get(b.source())) {
                DataItem item = b.items().get(id);
                if (item != null) {
                    own.set(id, item.toJson());
                }
            }
            snapshots.put(b.source(), b.snapshot());
            etag.append('-').append(b.snapshot());
            if (Product.SOURCE.equals(b.source())) {
                priceSnapshot = b.snapshot();
            }
        }
        payload.put(
                "asOf",
                Instant.ofEpochMilli(asOf == Long.MAX_VALUE ? System.currentTimeMillis() : asOf)
                        .toString());
        payload.put("maxAge", maxAgeSeconds);
        payload.put("stale", stale);
        if (priceSnapshot == null) {
            payload.putNull("priceSnapshot");
        } else {
            payload.put("priceSnapshot", priceSnapshot);
        }
        payload.set("snapshots", snapshots);
        payload.set("items", items);
        ArrayNode soldOut = payload.putArray("soldOut");
        ArrayNode hidden = payload.putArray("hidden");
        ArrayNode unresolved = payload.putArray("unresolved");
        for (Bindings.Binding binding : plan.list()) {
            JsonNode own = items.get(binding.source());
            if (own == null) {
                unresolved
                        .addObject()
                        .put("component", binding.componentId())
                        .put("source", binding.source())
                        .put("id", binding.itemId());
                continue;
            }
            JsonNode item = own.get(binding.itemId());
            if (item == null) {
                // an item the source no longer has is never shown with a price from nowhere
                hidden.addObject().put("component", binding.componentId()).put("reason", "missing");
            } else if (item.path("soldOut").asBoolean()) {
                if (binding.soldOut() == Bindings.SoldOut.DROP) {
                    hidden.addObject().put("component", binding.componentId()).put("reason", "sold-out");
                } else {
                    soldOut.add(binding.componentId());
                }
            }
        }
        etag.append(stale ? "-stale\"" : "\"");
        try {
            LiveData data = new LiveData(
                    payload,
                    MAPPER.writeValueAsBytes(payload),
                    etag.toString(),
                    priceSnapshot,
                    stale,
                    List.copyOf(batches));
            last.put(key, data);
            return data;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameBatches(List<Batch> a, List<Batch> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static String key(JsonNode snapshot) {
        return SnapshotId.of(snapshot).toString();
    }
}
