package io.venuekit.server.commerce;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per shopper for claims and draws: {@code burst} at once, refilled at
 * {@code perSecond}. Per instance: N instances behind a balancer allow up to N times as much, which
 * is still bounded, and costs no database trip before the request is refused. Thread-safe.
 */
final class UserLimiter {

    /** Past this many shoppers tracked, the buckets start afresh (a full bucket is the default anyway). */
    private static final int MAX_USERS = 200_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    UserLimiter(double perSecond, double burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** @return 0 when allowed, else the seconds to wait */
    long acquire(String user) {
        if (buckets.size() > MAX_USERS) {
            buckets.clear();
        }
        double[] b = buckets.computeIfAbsent(user, u -> new double[] {burst, nanos.getAsLong()});
        synchronized (b) {
            long now = nanos.getAsLong();
            b[0] = Math.min(burst, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
            b[1] = now;
            if (b[0] >= 1) {
                b[0] -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - b[0]) / perSecond);
        }
    }
}
