package io.venuekit.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of a fixed time: polls until it holds, and fails the test with
 * what was last seen once the deadline passes. The deadlines are generous (this machine is
 * shared and slow); a passing test waits only as long as the condition takes.
 */
public final class Eventually {

    /** Long enough for an asset job on a loaded machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final long POLL_MS = 10;

    private Eventually() {}

    /** Polls {@code probe} until {@code done} holds for its value, and returns that value. */
    public static <T> T get(Duration within, Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + within.toMillis() + " ms for " + what + "; last seen: " + last);
            }
            pause();
            last = probe.get();
        }
        return last;
    }

    public static <T> T get(Supplier<T> probe, Predicate<T> done, String what) {
        return get(PATIENCE, probe, done, what);
    }

    /** Polls until {@code condition} holds. */
    public static void until(Duration within, BooleanSupplier condition, String what) {
        get(within, condition::getAsBoolean, Boolean::booleanValue, what);
    }

    public static void until(BooleanSupplier condition, String what) {
        until(PATIENCE, condition, what);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
