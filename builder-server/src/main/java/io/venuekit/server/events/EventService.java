package io.venuekit.server.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes event batches and counts them per page version, component (tracking id), tier, variant
 * and type. A batch id is recorded before its events are counted, so a resent batch counts once;
 * counts gather in memory and are written every second (one upsert per page version), so
 * ingesting costs one insert per batch. What gathered in the last second before a crash is lost
 * while its batch id is kept: counts are at most once, never twice.
 */
public final class EventService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventService.class);
    private static final long FLUSH_MILLIS = 1_000;
    /** Distinct counters held before a flush is forced, whatever the time. */
    private static final int MAX_PENDING = 50_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MongoEventCounts store;
    private final Clock clock;
    /** page:version → counter path → count. */
    private volatile Map<String, Map<String, LongAdder>> pending = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger pendingKeys =
            new java.util.concurrent.atomic.AtomicInteger();
    private final Object flushLock = new Object();
    private final ScheduledExecutorService flusher;

    public EventService(MongoDatabase db, Clock clock) {
        this.store = new MongoEventCounts(db);
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** @return how many events were counted: all of them, or none for a batch id seen before */
    public int ingest(EventBatch batch) {
        if (!store.firstTime(batch.batch(), batch.page(), clock.instant().toString())) {
            return 0;
        }
        Map<String, LongAdder> page =
                pending.computeIfAbsent(batch.page() + ":" + batch.version(), k -> new ConcurrentHashMap<>());
        int n = 0;
        for (EventBatch.Event e : batch.events()) {
            String path = "c." + escape(e.tracking()) + "." + batch.tier() + "."
                    + (e.variant() == null ? "-" : escape(e.variant())) + "." + e.type();
            page.computeIfAbsent(path, p -> {
                        pendingKeys.incrementAndGet();
                        return new LongAdder();
                    })
                    .add(e.count());
            n += e.count();
        }
        if (pendingKeys.get() > MAX_PENDING) {
            flusher.execute(this::flushQuietly);
        }
        return n;
    }

    /** Writes what gathered. Blocking; safe to call from any thread. */
    public void flush() {
        synchronized (flushLock) {
            Map<String, Map<String, LongAdder>> taken = pending;
            pending = new ConcurrentHashMap<>();
            pendingKeys.set(0);
            // a batch that took the old map just before the swap may still be adding to it: let it finish
            Thread.onSpinWait();
            for (Map.Entry<String, Map<String, LongAdder>> e : taken.entrySet()) {
                int colon = e.getKey().lastIndexOf(':');
                Map<String, Long> increments = new HashMap<>();
                e.getValue().forEach((path, n) -> increments.put(path, n.sum()));
                store.add(
                        e.getKey().substring(0, colon),
                        Integer.parseInt(e.getKey().substring(colon + 1)),
                        increments);
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("writing event counts failed; they are lost: {}", e.toString());
        }
    }

    /**
     * The counts of a page: per row (version, tracking id, tier, variant) and per component over
     * all versions (or one, with {@code version}). Writes this instance's pending counts first.
     */
    public ObjectNode counts(String page, Integer version) {
        flush();
        ObjectNode body = NODES.objectNode().put("page", page);
        ArrayNode rows = body.putArray("rows");
        Map<String, long[]> perComponent = new TreeMap<>();
        for (Document d : store.forPage(page)) {
            int v = d.getInteger("version", 0);
            if (version != null && v != version) {
                continue;
            }
            Document c = d.get("c", Document.class);
            if (c == null) {
                continue;
            }
            for (Map.Entry<String, Object> tracking : c.entrySet()) {
                String id = unescape(tracking.getKey());
                for (Map.Entry<String, Object> tier : ((Document) tracking.getValue()).entrySet()) {
                    for (Map.Entry<String, Object> variant : ((Document) tier.getValue()).entrySet()) {
                        Document types = (Document) variant.getValue();
                        long exposures = number(types.get("exposure"));
                        long clicks = number(types.get("click"));
                        ObjectNode row = rows.addObject()
                                .put("version", v)
                                .put("tracking", id)
                                .put("tier", tier.getKey());
                        if ("-".equals(variant.getKey())) {
                            row.putNull("variant");
                        } else {
                            row.put("variant", unescape(variant.getKey()));
                        }
                        row.put("exposures", exposures).put("clicks", clicks);
                        long[] sum = perComponent.computeIfAbsent(id, k -> new long[2]);
                        sum[0] += exposures;
                        sum[1] += clicks;
                    }
                }
            }
        }
        ArrayNode components = body.putArray("components");
        perComponent.forEach((id, sum) -> components
                .addObject()
                .put("tracking", id)
                .put("exposures", sum[0])
                .put("clicks", sum[1]));
        return body;
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    /** Field names may hold neither dots nor a leading dollar: both (and the escape itself) become %XX. */
    static String escape(String s) {
        return s.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String unescape(String s) {
        return s.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
