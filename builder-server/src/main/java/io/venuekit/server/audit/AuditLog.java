package io.venuekit.server.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The trail of every change: who, when, what. Entries are only ever appended. */
public interface AuditLog {

    /**
     * Appends one entry.
     *
     * @param actor   who made the change
     * @param action  what kind of change, e.g. {@code page.update}
     * @param subject the id of what changed, e.g. a page id
     * @param details what changed, e.g. the versions and the components touched
     */
    void record(String actor, String action, String subject, ObjectNode details);

    /** Entries about {@code subject}, newest first; all subjects when null. */
    List<ObjectNode> entries(String subject, int limit);
}
