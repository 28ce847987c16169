package io.venuekit.server.asset;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps renderer views of ready assets for a few seconds, so rendering a page does not read every
 * image's manifest again. A view a few seconds old is harmless: the variants it names stay served
 * for {@link JobSettings#retireAfter()} after a newer focus replaced them.
 */
final class ViewCache {

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ViewCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    Optional<AssetManifestView> get(String id, Function<String, Optional<AssetManifestView>> load) {
        long now = System.nanoTime();
        Entry cached = entries.get(id);
        if (cached != null && now - cached.loadedAt < ttlNanos) {
            return Optional.of(cached.view);
        }
        Optional<AssetManifestView> loaded = load.apply(id);
        if (loaded.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(id, new Entry(loaded.get(), now));
        } else {
            entries.remove(id);
        }
        return loaded;
    }

    /** Forgets one asset at once (its job just finished here); other instances see the change after the TTL. */
    void forget(String id) {
        entries.remove(id);
    }

    /** Forgets every asset: some changed on another instance. */
    void clear() {
        entries.clear();
    }

    private record Entry(AssetManifestView view, long loadedAt) {
    }
}
