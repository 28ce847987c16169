package io.venuekit.server.layout;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered representations of published snapshots, by a normalised key (snapshot, tier,
 * capabilities, ...). A snapshot never changes, so a complete entry never goes stale; it is
 * only evicted to bound memory. An incomplete one (an image still processing, perhaps on
 * another instance) is kept for a short while only. Reads take no lock.
 */
public final class RenderedCache {

    /** How long a render with placeholders for missing images is served before rendering again. */
    static final long INCOMPLETE_TTL_NANOS = 2_000_000_000L;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public RenderedCache(int maxEntries) {
        this(maxEntries, System::nanoTime);
    }

    RenderedCache(int maxEntries, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    public Rendered get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAt != NEVER && nanoTime.getAsLong() - entry.expiresAt > 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.rendered;
    }

    /** What a render produced, and whether everything it refers to was there. */
    public record Fresh(byte[] bytes, boolean complete) {
    }

    /** The cached entry, or renders, compresses and stores one. */
    public Rendered computeIfAbsent(String key, Supplier<Fresh> render) {
        Rendered hit = get(key);
        if (hit != null) {
            return hit;
        }
        Fresh result = render.get();
        Entry fresh = new Entry(Rendered.of(result.bytes()),
                result.complete() ? NEVER : nanoTime.getAsLong() + INCOMPLETE_TTL_NANOS);
        if (entries.size() >= maxEntries) {
            // Crude but lock-free: a full cache starts over; hot keys come back within a request each.
            entries.clear();
        }
        entries.put(key, fresh);
        return fresh.rendered;
    }

    private static final long NEVER = Long.MIN_VALUE;

    private record Entry(Rendered rendered, long expiresAt) {
    }

    public int size() {
        return entries.size();
    }

    /**
     * One representation, pre-serialised and pre-compressed, in buffers that every response
     * shares (they are only ever read).
     *
     * @param etag a strong validator: a hash of the uncompressed bytes, quoted
     */
    public record Rendered(Buffer bytes, Buffer gzip, String etag) {
        static Rendered of(byte[] bytes) {
            return new Rendered(Buffer.buffer(bytes), Buffer.buffer(gzip(bytes)), etag(bytes));
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
                return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
