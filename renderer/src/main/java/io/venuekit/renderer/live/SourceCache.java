package io.venuekit.renderer.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The short cache in front of one {@link DataSource}, keyed by the set of ids asked (a page's
 * bindings ask the same set on every request). A batch is fresh for {@code ttlMillis}; then one
 * caller fetches again while the others keep getting the batch they had (no stampede on the
 * source, no request waiting behind another's fetch). When the source fails, the last batch is
 * served, marked stale, for up to {@code staleMillis}, and the source is asked again only after
 * another {@code ttlMillis}. Thread-safe.
 */
public final class SourceCache {

    /** Pages differ in the ids they bind; a bound beyond any real number of live pages. */
    private static final int MAX_KEYS = 4096;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataSource source;
    private final long ttlMillis;
    private final long staleMillis;
    private final LongSupplier clock;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Batch batch;
        volatile long freshUntil;
    }

    public SourceCache(DataSource source, long ttlMillis, long staleMillis, LongSupplier clock) {
        this.source = source;
        this.ttlMillis = ttlMillis;
        this.staleMillis = staleMillis;
        this.clock = clock;
    }

    public String name() {
        return source.name();
    }

    /** The batch for {@code ids} if one is fresh, without blocking; else null. */
    public Batch peek(Set<String> ids) {
        Slot slot = slots.get(key(ids));
        return slot != null && slot.batch != null && clock.getAsLong() < slot.freshUntil ? slot.batch : null;
    }

    /**
     * The batch for {@code ids}: fresh from the cache, else fetched (one call to the source), else
     * the last one marked stale while another caller fetches or when the source fails.
     *
     * @throws DataSourceException when the source fails and there is no batch young enough to fall back on
     */
    public Batch get(Set<String> ids) {
        String key = key(ids);
        Slot slot = slots.get(key);
        if (slot == null) {
            if (slots.size() >= MAX_KEYS) {
                slots.clear();
            }
            slot = slots.computeIfAbsent(key, k -> new Slot());
        }
        Batch current = slot.batch;
        if (current != null && clock.getAsLong() < slot.freshUntil) {
            return current;
        }
        if (current != null && !slot.lock.tryLock()) {
            return current; // someone is fetching: the batch they replace is at most one fetch older
        }
        if (current == null) {
            slot.lock.lock();
        }
        try {
            current = slot.batch;
            long now = clock.getAsLong();
            if (current != null && now < slot.freshUntil) {
                return current;
            }
            try {
                DataSource.Fetched fetched = source.fetch(ids);
                Batch batch =
                        new Batch(source.name(), sorted(fetched.items()), hash(fetched.items()), now, fetched.stale());
                slot.batch = batch;
                slot.freshUntil = now + ttlMillis;
                return batch;
            } catch (RuntimeException e) {
                if (current != null && now - current.fetchedAt() <= staleMillis) {
                    slot.batch = current.asStale();
                    slot.freshUntil = now + ttlMillis;
                    return slot.batch;
                }
                throw e instanceof DataSourceException d
                        ? d
                        : new DataSourceException(source.name() + " failed: " + e, e);
            }
        } finally {
            slot.lock.unlock();
        }
    }

    static String key(Set<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return String.join("\u0000", sorted);
    }

    private static Map<String, DataItem> sorted(Map<String, ? extends DataItem> items) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(items)));
    }

    /** 16 hex of the SHA-256 of the items in id order: equal answers, equal ids, on any instance. */
    static String hash(Map<String, ? extends DataItem> items) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, ? extends DataItem> e : new TreeMap<>(items).entrySet()) {
                ObjectNode json = e.getValue().toJson();
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(MAPPER.writeValueAsBytes(json));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
