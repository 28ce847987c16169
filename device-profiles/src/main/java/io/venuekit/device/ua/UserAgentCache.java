package io.venuekit.device.ua;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.function.Function;

/**
 * The one shared cache of User-Agent verdicts, keyed by the UA (plus the UA client hints that
 * change the verdict). A few hundred distinct UAs cover most traffic, but the key comes from
 * the client, so the size is capped and the least useful verdicts go first: a flood of made-up
 * UAs does not push out the phones that really visit.
 */
public final class UserAgentCache {

    private final Cache<Object, UaVerdict> verdicts;
    private final int capacity;

    public UserAgentCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.verdicts = Caffeine.newBuilder()
                .maximumSize(capacity)
                // eviction on the caller's thread: a library starts no threads of its own
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    public <K> UaVerdict get(K key, Function<K, UaVerdict> compute) {
        return verdicts.get(key, k -> compute.apply(key));
    }

    public long size() {
        verdicts.cleanUp();
        return verdicts.estimatedSize();
    }

    public int capacity() {
        return capacity;
    }

    /** Hits, misses and evictions since start, for the metrics. */
    public CacheStats stats() {
        return verdicts.stats();
    }

    public void clear() {
        verdicts.invalidateAll();
    }
}
