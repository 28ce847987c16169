package io.venuekit.renderer.live;

import java.util.Set;

/**
 * A plug-in that answers the items of one source named in component schemas' {@code data}
 * bindings ({@code product}, {@code coupon-pool}, {@code lottery}). One call answers a whole
 * batch of ids, so a page with forty product cards costs one call, not forty. Implementations are
 * thread-safe and may block (a database, a remote service); {@link SourceCache} sits in front of
 * every one.
 */
public interface DataSource {

    /** The source name the schemas bind to. */
    String name();

    /**
     * The items found among {@code ids}, by id; an id the source does not know is left out.
     *
     * @throws DataSourceException when the source cannot answer (the cache may then serve its last answer, marked stale)
     */
    Fetched fetch(Set<String> ids);

    /**
     * @param items by id
     * @param stale whether the source answered from a fallback copy rather than its live store
     */
    record Fetched(java.util.Map<String, ? extends DataItem> items, boolean stale) {

        public Fetched {
            items = java.util.Map.copyOf(items);
        }

        public static Fetched fresh(java.util.Map<String, ? extends DataItem> items) {
            return new Fetched(items, false);
        }
    }
}
