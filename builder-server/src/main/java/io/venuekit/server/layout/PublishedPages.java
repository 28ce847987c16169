package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.db.Database;
import io.venuekit.server.page.PageRepository;
import io.venuekit.server.page.PublicationListener;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot each served slug currently publishes, kept in memory. A publication on this
 * instance is visible at once ({@link #published}); {@link #refresh} (run every few seconds)
 * picks up publications, rollbacks and deletions made through other instances.
 *
 * <p>It also keeps the set of every published slug, so that a slug no page has is answered from
 * memory: on the embedded database each lookup by slug reads every page (about 20 ms at 300
 * pages), and requests for made-up slugs would otherwise each cost one. A page published through
 * another instance is served here from the next refresh on, as its updates are.
 *
 * <p>While the database is unreachable, a slug is answered from memory, else from the
 * {@link LocalSnapshot} (which a cold instance loaded at start), without waiting for the database;
 * {@link #stale()} says so, for the response to say it too.
 */
public final class PublishedPages implements PublicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedPages.class);
    /** Snapshots are immutable: an entry only ever moves to another snapshot, never changes. */
    private final Map<String, ObjectNode> bySlug = new ConcurrentHashMap<>();
    /** Every published slug as of the last refresh plus this instance's publications since; null until the first refresh. */
    private volatile Set<String> publishedSlugs;

    private final PageRepository repository;
    private final LocalSnapshot local;
    /** A refresh loads at most this many published slugs it does not hold yet, so the local copy fills over a few refreshes. */
    private static final int LOADS_PER_REFRESH = 20;

    public PublishedPages(PageRepository repository) {
        this(repository, LocalSnapshot.none());
    }

    public PublishedPages(PageRepository repository, LocalSnapshot local) {
        this.repository = repository;
        this.local = local;
    }

    /** True while the database is unreachable: what is served may be behind a publication made meanwhile. */
    public boolean stale() {
        return !repository.reachable();
    }

    /** Whether the database is reachable (for the catalog's fallbacks). */
    public boolean reachable() {
        return repository.reachable();
    }

    /** Writes the local copy when it changed. Blocking (a file). */
    public void saveLocal() {
        local.save();
    }

    /** The live snapshot for a slug: from memory, else from the database (blocking). */
    public Optional<ObjectNode> find(String slug) {
        ObjectNode cached = bySlug.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!repository.reachable()) {
            return Optional.ofNullable(local.page(slug));
        }
        Set<String> known = publishedSlugs;
        if (known != null && !known.contains(slug)) {
            return Optional.empty();
        }
        Optional<ObjectNode> loaded;
        try {
            loaded = repository.latestSnapshotBySlug(slug);
        } catch (RuntimeException e) {
            if (Database.unavailable(e)) {
                return Optional.ofNullable(local.page(slug));
            }
            throw e;
        }
        loaded.ifPresent(snapshot -> {
            bySlug.merge(slug, snapshot, PublishedPages::newer);
            local.putPage(slug, bySlug.get(slug));
        });
        return loaded.map(s -> bySlug.getOrDefault(slug, s));
    }

    /** The snapshot in memory, without touching the database; null when not loaded. */
    public ObjectNode cached(String slug) {
        ObjectNode cached = bySlug.get(slug);
        return cached != null || repository.reachable() ? cached : local.page(slug);
    }

    @Override
    public void published(ObjectNode snapshot) {
        String slug = snapshot.path("slug").asText();
        // a snapshot may carry a slug the page no longer has (a rollback); drop stale entries of that page
        bySlug.entrySet()
                .removeIf(e -> e.getValue()
                                .path("pageId")
                                .asText()
                                .equals(snapshot.path("pageId").asText())
                        && !e.getKey().equals(slug));
        bySlug.merge(slug, snapshot, PublishedPages::newer);
        local.removePageId(snapshot.path("pageId").asText());
        local.putPage(slug, bySlug.get(slug));
        Set<String> known = publishedSlugs;
        if (known != null && !known.contains(slug)) {
            Set<String> more = new HashSet<>(known);
            more.add(slug);
            publishedSlugs = Set.copyOf(more);
        }
    }

    @Override
    public void withdrawn(String pageId) {
        bySlug.values().removeIf(snapshot -> snapshot.path("pageId").asText().equals(pageId));
        local.removePageId(pageId);
    }

    /** Brings every cached slug, and the set of published ones, up to date with the database. Blocking. */
    public void refresh() {
        publishedSlugs = Set.copyOf(repository.publishedSlugs());
        // every published page into memory and the local copy, a few per refresh, so a database outage
        // finds them all here and a cold start after one finds them on disk
        publishedSlugs.stream()
                .filter(s -> !bySlug.containsKey(s))
                .limit(LOADS_PER_REFRESH)
                .forEach(this::find);
        local.pageSlugs().stream()
                .filter(s -> !publishedSlugs.contains(s))
                .toList()
                .forEach(local::removePage);
        if (bySlug.isEmpty()) {
            return;
        }
        Map<String, PageRepository.Published> current = repository.publishedNumbers(bySlug.keySet());
        for (Map.Entry<String, ObjectNode> entry : bySlug.entrySet()) {
            PageRepository.Published now = current.get(entry.getKey());
            ObjectNode served = entry.getValue();
            if (now == null) {
                bySlug.remove(entry.getKey(), served);
                local.removePage(entry.getKey());
                LOG.info("{} is no longer published; stopped serving it", entry.getKey());
            } else if (now.number() != served.path("number").asInt()
                    || !now.pageId().equals(served.path("pageId").asText())) {
                repository.snapshot(now.pageId(), now.number()).ifPresent(s -> {
                    bySlug.put(entry.getKey(), s);
                    local.putPage(entry.getKey(), s);
                });
                LOG.info("{} now serves version {} of {}", entry.getKey(), now.number(), now.pageId());
            }
        }
    }

    private static ObjectNode newer(ObjectNode a, ObjectNode b) {
        if (!a.path("pageId").asText().equals(b.path("pageId").asText())) {
            return b;
        }
        return b.path("number").asInt() >= a.path("number").asInt() ? b : a;
    }
}
