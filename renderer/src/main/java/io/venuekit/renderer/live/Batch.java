package io.venuekit.renderer.live;

import java.util.Map;

/**
 * One batched answer of one source, as cached: everything a live-data response takes from that
 * source comes from one batch, so every price in a response comes from one snapshot.
 *
 * @param snapshot  a content hash of the items: the same items give the same id on every instance
 * @param fetchedAt when the source answered (epoch millis)
 * @param stale     whether it is a copy kept past its time because the source failed
 */
public record Batch(String source, Map<String, DataItem> items, String snapshot, long fetchedAt, boolean stale) {

    Batch asStale() {
        return stale ? this : new Batch(source, items, snapshot, fetchedAt, true);
    }
}
