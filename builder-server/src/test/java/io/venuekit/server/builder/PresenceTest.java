package io.venuekit.server.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceTest {

    private Instant now = Instant.parse("2026-11-11T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static List<String> names(List<Presence.Tab> tabs) {
        return tabs.stream().map(Presence.Tab::user).toList();
    }

    @Test
    void eachTabHearsOfTheOthersOnTheSamePageOnly() {
        Presence presence = new Presence(clock);
        assertEquals(List.of(), presence.beat("p1", "tab-aaaaaaaa", "ann"));
        now = now.plusSeconds(1);
        assertEquals(List.of("ann"), names(presence.beat("p1", "tab-bbbbbbbb", "bob")));
        assertEquals(List.of("bob"), names(presence.beat("p1", "tab-aaaaaaaa", "ann")));
        assertEquals(List.of(), presence.beat("p2", "tab-cccccccc", "cy"), "another page");
    }

    @Test
    void aTabThatStopsSayingSoIsForgottenAndOneThatLeavesAtOnce() {
        Presence presence = new Presence(clock);
        presence.beat("p1", "tab-aaaaaaaa", "ann");
        presence.beat("p1", "tab-bbbbbbbb", "bob");
        now = now.plus(Presence.TTL).plus(Duration.ofSeconds(1));
        assertEquals(List.of(), presence.beat("p1", "tab-cccccccc", "cy"), "both went quiet");
        presence.beat("p1", "tab-bbbbbbbb", "bob");
        presence.leave("p1", "tab-bbbbbbbb");
        assertEquals(List.of(), presence.beat("p1", "tab-cccccccc", "cy"));
    }

    @Test
    void theSameOperatorInTwoTabsIsListedOnceForTheOtherTab() {
        Presence presence = new Presence(clock);
        presence.beat("p1", "tab-aaaaaaaa", "ann");
        assertEquals(List.of("ann"), names(presence.beat("p1", "tab-bbbbbbbb", "ann")));
    }
}
