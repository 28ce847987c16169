package io.venuekit.server.auth;

import java.time.Instant;

/**
 * A signed-in browser: the cookie holds a random id (not the user's long-lived API token), the
 * server keeps its SHA-256 with the user, the CSRF token the builder must echo, and when it ends.
 */
public record Session(String idHash, User user, String csrf, Instant expiresAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
