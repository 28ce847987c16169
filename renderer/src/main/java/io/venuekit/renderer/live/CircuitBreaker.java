package io.venuekit.renderer.live;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops calling a failing service: after {@code threshold} failures in a row the circuit opens and
 * calls fail at once for {@code openMillis}; then one trial call goes through (half open), and its
 * success closes the circuit while its failure opens it again. Thread-safe.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int threshold;
    private final long openMillis;
    private final LongSupplier clock;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicBoolean trialOut = new AtomicBoolean();

    public CircuitBreaker(int threshold, long openMillis, LongSupplier clock) {
        this.threshold = threshold;
        this.openMillis = openMillis;
        this.clock = clock;
    }

    /** Whether a call may go out now; in the half-open state only one caller gets a yes. */
    public boolean allow() {
        long opened = openedAt.get();
        if (opened < 0) {
            return true;
        }
        if (clock.getAsLong() - opened < openMillis) {
            return false;
        }
        return trialOut.compareAndSet(false, true);
    }

    public void success() {
        failures.set(0);
        openedAt.set(-1);
        trialOut.set(false);
    }

    public void failure() {
        if (trialOut.getAndSet(false) || failures.incrementAndGet() >= threshold) {
            openedAt.set(clock.getAsLong());
        }
    }

    public State state() {
        long opened = openedAt.get();
        if (opened < 0) {
            return State.CLOSED;
        }
        return clock.getAsLong() - opened < openMillis ? State.OPEN : State.HALF_OPEN;
    }
}
