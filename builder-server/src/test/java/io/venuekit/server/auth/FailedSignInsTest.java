package io.venuekit.server.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private Instant now = Instant.parse("2026-11-11T00:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };

    @Test
    void anAccountGuessedFromManyAddressesIsHeldOff() {
        FailedSignIns failures = new FailedSignIns(clock);
        for (int i = 0; i < FailedSignIns.LIMIT; i++) {
            failures.failed("10.0.0." + i, "admin");
        }
        ApiException e = assertThrows(ApiException.class, () -> failures.check("10.0.1.1", "admin"));
        assertEquals(429, e.status());
        assertTrue(e.getMessage().contains("account"), e.getMessage());
        assertDoesNotThrow(
                () -> failures.check("10.0.1.1", "someone-else"), "other accounts from a fresh address are fine");
    }

    @Test
    void anAddressIsHeldOffUntilItsWindowEnds() {
        FailedSignIns failures = new FailedSignIns(clock);
        for (int i = 0; i < FailedSignIns.LIMIT - 1; i++) {
            failures.failed("10.0.0.9", null);
        }
        assertDoesNotThrow(() -> failures.check("10.0.0.9", null), "under the limit");
        failures.failed("10.0.0.9", null);
        ApiException e = assertThrows(ApiException.class, () -> failures.check("10.0.0.9", null));
        assertEquals(60, e.extra().path("retryAfter").asLong(), "a full window to wait: " + e.extra());
        now = now.plus(FailedSignIns.WINDOW).plus(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> failures.check("10.0.0.9", null), "a new window starts clean");
    }
}
