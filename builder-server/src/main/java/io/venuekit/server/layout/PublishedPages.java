package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.page.PageRepository;
import io.venuekit.server.page.PublicationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshot each served slug currently publishes, kept in memory. A publication on this
 * instance is visible at once ({@link #published}); {@link #refresh} (run every few seconds)
 * picks up publications, rollbacks and deletions made through other instances.
 *
 * <p>It also keeps the set of every published slug, so that a slug no page has is answered from
 * memory: on the embedded database each lookup by slug reads every page (about 20 ms at 300
 * pages), and requests for made-up slugs would otherwise each cost one. A page published through
 * another instance is served here from the next refresh on, as its updates are.
 */
public final class PublishedPages implements PublicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedPages.class);
    /** Snapshots are immutable: an entry only ever moves to another snapshot, never changes. */
    private final Map<String, ObjectNode> bySlug = new ConcurrentHashMap<>();
    /** Every published slug as of the last refresh plus this instance's publications since; null until the first refresh. */
    private volatile Set<String> publishedSlugs;
    private final PageRepository repository;

    public PublishedPages(PageRepository repository) {
        this.repository = repository;
    }

    /** The live snapshot for a slug: from memory, else from the database (blocking). */
    public Optional<ObjectNode> find(String slug) {
        ObjectNode cached = bySlug.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        Set<String> known = publishedSlugs;
        if (known != null && !known.contains(slug)) {
            return Optional.empty();
        }
        Optional<ObjectNode> loaded = repository.latestSnapshotBySlug(slug);
        loaded.ifPresent(snapshot -> bySlug.merge(slug, snapshot, PublishedPages::newer));
        return loaded.map(s -> bySlug.getOrDefault(slug, s));
    }

    /** The snapshot in memory, without touching the database; null when not loaded. */
    public ObjectNode cached(String slug) {
        return bySlug.get(slug);
    }

    @Override
    public void published(ObjectNode snapshot) {
        String slug = snapshot.path("slug").asText();
        // a snapshot may carry a slug the page no longer has (a rollback); drop stale entries of that page
        bySlug.entrySet().removeIf(e -> e.getValue().path("pageId").asText().equals(snapshot.path("pageId").asText())
                && !e.getKey().equals(slug));
        bySlug.merge(slug, snapshot, PublishedPages::newer);
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
    }

    /** Brings every cached slug, and the set of published ones, up to date with the database. Blocking. */
    public void refresh() {
        publishedSlugs = Set.copyOf(repository.publishedSlugs());
        if (bySlug.isEmpty()) {
            return;
        }
        Map<String, PageRepository.Published> current = repository.publishedNumbers(bySlug.keySet());
        for (Map.Entry<String, ObjectNode> entry : bySlug.entrySet()) {
            PageRepository.Published now = current.get(entry.getKey());
            ObjectNode served = entry.getValue();
            if (now == null) {
                bySlug.remove(entry.getKey(), served);
                LOG.info("{} is no longer published; stopped serving it", entry.getKey());
            } else if (now.number() != served.path("number").asInt() || !now.pageId().equals(served.path("pageId").asText())) {
                repository.snapshot(now.pageId(), now.number()).ifPresent(s -> bySlug.put(entry.getKey(), s));
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
