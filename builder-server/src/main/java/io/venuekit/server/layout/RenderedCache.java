package io.venuekit.server.layout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered representations of published snapshots, by a normalised key (snapshot, tier,
 * capabilities, ...). A snapshot never changes, so a complete entry never goes stale; it is
 * only evicted to bound memory, the least useful first. An incomplete one (an image still
 * processing, perhaps on another instance) is kept for a short while only.
 */
public final class RenderedCache {

    /** How long a render with placeholders for missing images is served before rendering again. */
    static final long INCOMPLETE_TTL_NANOS = 2_000_000_000L;

    private final Cache<String, Entry> entries;

    public RenderedCache(int maxEntries) {
        this(maxEntries, System::nanoTime);
    }

    RenderedCache(int maxEntries, LongSupplier nanoTime) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilComplete())
                .ticker(nanoTime::getAsLong)
                // eviction on the writing thread: no pool thread competes with the event loops
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    public Rendered get(String key) {
        Entry entry = entries.getIfPresent(key);
        return entry == null ? null : entry.rendered;
    }

    /**
     * What a render produced, whether everything it refers to was there, and whether it shows live data
     * (prices, stock), which other caches must keep no longer than the live data itself.
     */
    public record Fresh(byte[] bytes, boolean complete, boolean liveData) {
        public Fresh(byte[] bytes, boolean complete) {
            this(bytes, complete, false);
        }
    }

    /**
     * The cached entry, or renders, compresses and stores one. Concurrent requests for the same
     * missing key wait for one render instead of each rendering it (the first minute after a
     * publish).
     */
    public Rendered computeIfAbsent(String key, Supplier<Fresh> render) {
        return entries.get(key, k -> {
                    Fresh result = render.get();
                    return new Entry(
                            Rendered.of(result.bytes(), !result.complete(), result.liveData()), result.complete());
                })
                .rendered;
    }

    private record Entry(Rendered rendered, boolean complete) {}

    private static final class UntilComplete implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return entry.complete ? Long.MAX_VALUE : INCOMPLETE_TTL_NANOS;
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Hits, misses and evictions since start, for the metrics. */
    public CacheStats stats() {
        return entries.stats();
    }

    /**
     * One representation, pre-serialised and pre-compressed, in buffers that every response
     * shares (they are only ever read).
     *
     * @param etag        a strong validator: a hash of the uncompressed bytes, quoted
     * @param provisional rendered while something it shows was missing (an image still processing):
     *                    kept here only briefly, and sent with headers that keep other caches brief too
     * @param liveData    shows the live data of one moment (a page without script): other caches keep it as
     *                    briefly as the live data
     */
    public record Rendered(Buffer bytes, Buffer gzip, String etag, boolean provisional, boolean liveData) {
        static Rendered of(byte[] bytes, boolean provisional, boolean liveData) {
            return new Rendered(Buffer.buffer(bytes), Buffer.buffer(gzip(bytes)), etag(bytes), provisional, liveData);
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private static String etag(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return "\""
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(digest)
                                .substring(0, 22) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
