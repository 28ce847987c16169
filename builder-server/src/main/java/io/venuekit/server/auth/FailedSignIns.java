package io.venuekit.server.auth;

import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins and bad tokens per address and per account, in fixed windows; past the
 * limit, that address or account is answered {@code 429} with {@code Retry-After} until its
 * window ends, so tokens cannot be guessed at the speed of the network.
 */
public final class FailedSignIns {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 100_000;

    private static final class Window {
        final Instant start;
        int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailedSignIns(Clock clock) {
        this.clock = clock;
    }

    /** Throws 429 when this address (or account, when named) has failed too often lately. */
    public void check(String address, String account) {
        checkKey("address " + address);
        if (account != null) {
            checkKey("account " + account);
        }
    }

    public void failed(String address, String account) {
        count("address " + address);
        if (account != null) {
            count("account " + account);
        }
    }

    private void checkKey(String key) {
        Window window = windows.get(key);
        if (window == null) {
            return;
        }
        Instant now = clock.instant();
        Instant end = window.start.plus(WINDOW);
        synchronized (window) {
            if (window.failures >= LIMIT && now.isBefore(end)) {
                long seconds = Math.max(1, (Duration.between(now, end).toMillis() + 999) / 1000);
                throw new ApiException(
                        429,
                        "too-many-failed-sign-ins",
                        "Too many failed sign-ins from this " + key.substring(0, key.indexOf(' ')) + "; try again in "
                                + seconds + " s.",
                        List.of(),
                        Json.MAPPER.createObjectNode().put("retryAfter", seconds));
            }
        }
    }

    private void count(String key) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !now.isBefore(w.start.plus(WINDOW)));
        }
        Window window =
                windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start.plus(WINDOW)) ? new Window(now) : w);
        synchronized (window) {
            window.failures++;
        }
    }
}
