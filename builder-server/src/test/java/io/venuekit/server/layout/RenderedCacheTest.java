package io.venuekit.server.layout;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void fullCacheStartsOver() {
        RenderedCache small = new RenderedCache(2, now::get);
        small.computeIfAbsent("a", () -> render(true));
        small.computeIfAbsent("b", () -> render(true));
        small.computeIfAbsent("c", () -> render(true));
        assertEquals(1, small.size());
        assertNull(small.get("a"));
    }
}
