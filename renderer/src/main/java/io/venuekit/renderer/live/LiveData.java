package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A live-data response: the bound items of one page version, each source's items from one
 * {@link Batch}.
 *
 * @param priceSnapshot the product batch's snapshot id (every price in the response is from it), or null without products
 * @param etag          a strong ETag of the bytes (the batches' snapshot ids): equal on every instance for equal data
 * @param batches       what it was made from, so that the caller can tell when a newer batch replaces one
 */
public record LiveData(
        ObjectNode payload, byte[] bytes, String etag, String priceSnapshot, boolean stale, List<Batch> batches) {}
