package io.venuekit.server.asset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps renderer views of ready assets for a few seconds, so rendering a page does not read every
 * image's manifest again. A view a few seconds old is harmless: the variants it names stay served
 * for {@link JobSettings#retireAfter()} after a newer focus replaced them.
 */
final class ViewCache {

    private final Cache<String, AssetManifestView> entries;

    ViewCache(Duration ttl, int maxEntries) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .executor(Runnable::run)
                .build();
    }

    Optional<AssetManifestView> get(String id, Function<String, Optional<AssetManifestView>> load) {
        AssetManifestView cached = entries.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AssetManifestView> loaded = load.apply(id);
        loaded.ifPresentOrElse(view -> entries.put(id, view), () -> entries.invalidate(id));
        return loaded;
    }

    /** Forgets one asset at once (its job just finished here); other instances see the change after the TTL. */
    void forget(String id) {
        entries.invalidate(id);
    }

    /** Forgets every asset: some changed on another instance. */
    void clear() {
        entries.invalidateAll();
    }
}
