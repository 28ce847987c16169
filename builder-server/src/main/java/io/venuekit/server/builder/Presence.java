package io.venuekit.server.builder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who has a page open in the builder: each open editor (a tab, named by a random id it makes up)
 * says so every few seconds and hears of the others. Kept in this instance's memory only, and
 * forgotten {@link #TTL} after the last word, so a closed tab drops out by itself; behind a load
 * balancer each instance knows the tabs that reach it (enough with sticky sessions).
 */
public final class Presence {

    static final Duration TTL = Duration.ofSeconds(45);
    static final int MAX_TABS_PER_PAGE = 50;

    /** One open editor. */
    public record Tab(String tab, String user, Instant since, Instant seen) {}

    private final Clock clock;
    private final Map<String, Map<String, Tab>> pages = new ConcurrentHashMap<>();

    public Presence(Clock clock) {
        this.clock = clock;
    }

    /** Records that `tab` of `user` has `pageId` open; returns the other tabs that have it open, oldest first. */
    public List<Tab> beat(String pageId, String tab, String user) {
        Instant now = clock.instant();
        Map<String, Tab> tabs = pages.computeIfAbsent(pageId, id -> new ConcurrentHashMap<>());
        tabs.values().removeIf(t -> t.seen().plus(TTL).isBefore(now));
        if (tabs.size() < MAX_TABS_PER_PAGE || tabs.containsKey(tab)) {
            tabs.merge(tab, new Tab(tab, user, now, now), (old, fresh) -> new Tab(tab, user, old.since(), now));
        }
        List<Tab> others = tabs.values().stream()
                .filter(t -> !t.tab().equals(tab))
                .sorted(Comparator.comparing(Tab::since))
                .toList();
        if (tabs.isEmpty()) {
            pages.remove(pageId, tabs);
        }
        return others;
    }

    /** The tab closed: forgets it at once. */
    public void leave(String pageId, String tab) {
        Map<String, Tab> tabs = pages.get(pageId);
        if (tabs != null) {
            tabs.remove(tab);
        }
    }
}
