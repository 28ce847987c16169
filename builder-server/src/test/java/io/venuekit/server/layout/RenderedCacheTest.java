package io.venuekit.server.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RenderedCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RenderedCache cache = new RenderedCache(100, now::get);
    private final AtomicInteger renders = new AtomicInteger();

    private RenderedCache.Fresh render(boolean complete) {
        int n = renders.incrementAndGet();
        return new RenderedCache.Fresh(("render " + n).getBytes(StandardCharsets.UTF_8), complete);
    }

    @Test
    void completeRenderIsKeptForGood() {
        var first = cache.computeIfAbsent("k", () -> render(true));
        now.addAndGet(3_600_000_000_000L);
        var again = cache.computeIfAbsent("k", () -> render(true));
        assertEquals(1, renders.get());
        assertEquals(first.etag(), again.etag());
    }

    @Test
    void incompleteRenderIsServedBrieflyThenRenderedAgain() {
        var first = cache.computeIfAbsent("k", () -> render(false));
        now.addAndGet(RenderedCache.INCOMPLETE_TTL_NANOS / 2);
        assertEquals(first.etag(), cache.get("k").etag());
        now.addAndGet(RenderedCache.INCOMPLETE_TTL_NANOS);
        assertNull(cache.get("k"));
        var second = cache.computeIfAbsent("k", () -> render(true));
        assertEquals(2, renders.get());
        assertNotEquals(first.etag(), second.etag());
    }

    @Test
    void aFullCacheEvictsDownToItsBound() {
        RenderedCache small = new RenderedCache(2, now::get);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            small.computeIfAbsent(key, () -> render(true));
        }
        assertEquals(2, small.size());
        assertEquals(4, small.stats().missCount());
        assertEquals(2, small.stats().evictionCount());
    }

    @Test
    void concurrentMissesOfOneKeyRenderOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return cache.computeIfAbsent("hot", () -> {
                            // a render long enough for every other thread to ask meanwhile
                            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                            return render(true);
                        })
                        .etag();
            }));
        }
        start.countDown();
        for (var answer : answers) {
            assertEquals(answers.get(0).get(), answer.get());
        }
        pool.shutdown();
        assertEquals(1, renders.get());
    }
}
