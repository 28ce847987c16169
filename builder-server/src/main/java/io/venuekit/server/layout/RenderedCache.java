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
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered representations of published snapshots, by a normalised key (snapshot, tier,
 * capabilities, ...). A snapshot never changes, so an entry never goes stale; it is only
 * evicted to bound memory. Reads take no lock.
 */
public final class RenderedCache {

    private final Map<String, Rendered> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    public RenderedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public Rendered get(String key) {
        return entries.get(key);
    }

    /** The cached entry, or renders, compresses and stores one. */
    public Rendered computeIfAbsent(String key, Supplier<byte[]> render) {
        Rendered hit = entries.get(key);
        if (hit != null) {
            return hit;
        }
        Rendered fresh = Rendered.of(render.get());
        if (entries.size() >= maxEntries) {
            // Crude but lock-free: a full cache starts over; hot keys come back within a request each.
            entries.clear();
        }
        Rendered raced = entries.putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
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
