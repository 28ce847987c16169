package io.venuekit.server.auth;

import java.util.Optional;

/** The {@code sessions} collection, by the hash of each session id. Blocking. */
public interface SessionRepository {

    void insert(Session session);

    Optional<Session> find(String idHash);

    void delete(String idHash);
}
