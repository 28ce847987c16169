package io.venuekit.assets.detect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Native float buffers kept for the next model run. ONNX Runtime reads and writes a direct
 * buffer in place; from a heap array it copies into a fresh native allocation on every run, and
 * the page faults of those megabytes cost more than the copy (a quarter of a small model's run).
 * Thread-safe: a buffer belongs to one run between {@link #take} and {@link #give}.
 */
final class NativeFloats {

    /** More runs at once than this make and drop their buffers. */
    private static final int KEEP = 8;

    private final ConcurrentLinkedQueue<FloatBuffer> free = new ConcurrentLinkedQueue<>();

    /** A buffer with position 0 and limit {@code floats}; its contents are whatever the last run left. */
    FloatBuffer take(int floats) {
        FloatBuffer b = free.poll();
        if (b == null || b.capacity() < floats) {
            b = ByteBuffer.allocateDirect(floats * Float.BYTES)
                    .order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
        }
        b.clear().limit(floats);
        return b;
    }

    /** Back for the next run, once no tensor uses it any more. */
    void give(FloatBuffer b) {
        if (free.size() < KEEP) free.offer(b);
    }
}
