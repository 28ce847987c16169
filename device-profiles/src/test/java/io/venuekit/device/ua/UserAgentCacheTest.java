package io.venuekit.device.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.device.Tier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UserAgentCacheTest {

    private static UaVerdict verdict(String ua) {
        return new UaVerdict(new UserAgentFacts("other", 0, ua, "unknown", 0), Tier.MID, "x");
    }

    @Test
    void staysWithinItsCapacity() {
        UserAgentCache cache = new UserAgentCache(64);
        for (int i = 0; i < 10_000; i++) {
            cache.get("ua-" + i, UserAgentCacheTest::verdict);
            assertTrue(cache.size() <= 64, "size " + cache.size() + " after " + i);
        }
    }

    @Test
    void computesOncePerKeyWhileCached() {
        UserAgentCache cache = new UserAgentCache(16);
        AtomicInteger computed = new AtomicInteger();
        UaVerdict first = cache.get("same", k -> {
            computed.incrementAndGet();
            return verdict(k);
        });
        UaVerdict second = cache.get("same", k -> {
            computed.incrementAndGet();
            return verdict(k);
        });
        assertSame(first, second);
        assertEquals(1, computed.get());
    }

    @Test
    void rejectsAZeroCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new UserAgentCache(0));
    }
}
