package io.venuekit.server.db;

import java.time.Instant;

/**
 * Whether the database takes writes and answers reads, as far as this instance knows.
 *
 * @param reachable the database answers (for the embedded store: its files are open)
 * @param writable  writes are accepted and made durable
 * @param problem   what is wrong, for a person, or null
 * @param since     when the current state began
 */
public record StoreState(boolean reachable, boolean writable, String problem, Instant since) {

    public static StoreState healthy() {
        return new StoreState(true, true, null, Instant.now());
    }

    public boolean ok() {
        return reachable && writable;
    }

    /** A short word for health and metrics: ok, read-only or down. */
    public String status() {
        return !reachable ? "down" : writable ? "ok" : "read-only";
    }
}
