package io.venuekit.server.page;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Where drafts and their published snapshots live. Drafts carry a {@code version} for
 * optimistic concurrency; snapshots are immutable once written.
 */
public interface PageRepository {

    /** Stores a new draft; throws {@link DuplicateSlugException} when a live page has its slug. */
    void insert(ObjectNode page);

    /** A live (not deleted) draft by id. */
    Optional<ObjectNode> find(String id);

    /** Live drafts, newest first. */
    List<ObjectNode> list(int limit);

    /**
     * Replaces the draft only if its stored version is still {@code expectedVersion}.
     *
     * @return false when another edit got there first (or the page is gone)
     */
    boolean replace(String id, long expectedVersion, ObjectNode page);

    /** Like {@link #list} without the components: what the page list shows. */
    List<ObjectNode> summaries(int limit);

    /** Undoes a soft delete, taking the slug back; false when the page is not deleted. */
    boolean restore(String id, String slug);

    /** A soft-deleted page, without its components. */
    Optional<ObjectNode> findDeleted(String id);

    /** Marks a live draft deleted and frees its slug; false when there was none. */
    boolean softDelete(String id, String actor, String at);

    /**
     * Writes an immutable snapshot under the page's next number (1, 2, ...; set into the snapshot)
     * and points the draft at it; empty if the page is gone. Concurrent calls get distinct numbers
     * without gaps.
     */
    Optional<Integer> insertNextSnapshot(ObjectNode snapshot);

    /** The snapshots of a page, newest first, without their components. */
    List<ObjectNode> snapshots(String id);

    Optional<ObjectNode> snapshot(String id, int number);

    /** The newest snapshot of the live page with this slug. */
    Optional<ObjectNode> latestSnapshotBySlug(String slug);

    /** Whether the database is reachable now, as far as known without asking it. */
    default boolean reachable() {
        return true;
    }

    /**
     * For each slug that names a live, published page: its current snapshot number. One query
     * for every slug an instance serves, so it notices publications, rollbacks and deletions
     * made through other instances.
     */
    java.util.Map<String, Published> publishedNumbers(java.util.Collection<String> slugs);

    /** Every slug a live, published page is served under. */
    java.util.Set<String> publishedSlugs();

    /** Which snapshot of which page a slug serves. */
    record Published(String pageId, int number) {}

    /** A slug is already used by another live page. */
    final class DuplicateSlugException extends RuntimeException {
        public DuplicateSlugException(String slug) {
            super(slug, null, false, false);
        }
    }
}
