package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One item a data source answers for an id: a product, a coupon pool, a lottery. Immutable. */
public interface DataItem {

    String id();

    /** Whether nothing is left to sell, claim or win: the component's schema says whether it is then marked or dropped. */
    boolean soldOut();

    /** The item as the live-data response carries it (without its id, which is the key). */
    ObjectNode toJson();
}
