package io.venuekit.device.ua;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one shared cache of User-Agent verdicts, keyed by the UA (plus the UA client hints that
 * change the verdict). A few hundred distinct UAs cover most traffic, but the key comes from
 * the client, so the size is capped: when full, an arbitrary slice is evicted. That is cruder
 * than LRU but needs no lock on the read path, which is what the warm-cache figure measures.
 */
public final class UserAgentCache {

    private final ConcurrentHashMap<Object, UaVerdict> map;
    private final int capacity;

    public UserAgentCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.map = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
    }

    public <K> UaVerdict get(K key, Function<K, UaVerdict> compute) {
        UaVerdict hit = map.get(key);
        if (hit != null) {
            return hit;
        }
        // Two threads may both compute a new key; that costs a parse, never a wrong answer.
        UaVerdict fresh = compute.apply(key);
        if (map.size() >= capacity) {
            evictSome();
        }
        map.put(key, fresh);
        return fresh;
    }

    // Drops about an eighth of the entries (at least one), so eviction is not paid per miss.
    private void evictSome() {
        int toDrop = Math.max(1, capacity / 8);
        Iterator<Object> keys = map.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    public int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }

    public void clear() {
        map.clear();
    }
}
