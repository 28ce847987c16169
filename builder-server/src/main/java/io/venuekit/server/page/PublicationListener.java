package io.venuekit.server.page;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Told, on this instance, when what a page publishes changes. */
public interface PublicationListener {

    PublicationListener NONE = new PublicationListener() {
        @Override
        public void published(ObjectNode snapshot) {}

        @Override
        public void withdrawn(String pageId) {}
    };

    /** A new snapshot is live (a publication or a rollback). */
    void published(ObjectNode snapshot);

    /** The page was deleted: it publishes nothing any more. */
    void withdrawn(String pageId);
}
