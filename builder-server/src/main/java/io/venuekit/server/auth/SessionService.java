package io.venuekit.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions. Each is remembered in memory for a short while after it was last read from
 * the database, so most requests take no database trip, and a log-out on another instance takes
 * effect within {@link #RECHECK}. Blocking where it reads the database.
 */
public final class SessionService {

    public static final Duration LIFETIME = Duration.ofHours(12);
    static final Duration RECHECK = Duration.ofSeconds(30);

    private record Cached(Session session, Instant readAt) {}

    private final SessionRepository repository;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SessionService(SessionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new session for the user, and the id to put in the cookie (it is not kept). */
    public record Started(String id, Session session) {}

    public Started start(User user) {
        String id = Tokens.fresh();
        Session session = new Session(
                Tokens.hash(id), user, Tokens.fresh(), clock.instant().plus(LIFETIME));
        repository.insert(session);
        cache.put(session.idHash(), new Cached(session, clock.instant()));
        return new Started(id, session);
    }

    /** The live session with this id, if it is remembered recently enough to answer without the database. */
    public Optional<Session> remembered(String id) {
        Cached cached = cache.get(Tokens.hash(id));
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cached.readAt().plus(RECHECK))) {
            return Optional.empty();
        }
        return cached.session().expired(now) ? Optional.empty() : Optional.of(cached.session());
    }

    /** Whether {@link #remembered} can answer for this id without the database. */
    public boolean knows(String id) {
        Cached cached = cache.get(Tokens.hash(id));
        return cached != null && !clock.instant().isAfter(cached.readAt().plus(RECHECK));
    }

    /** The live session with this id, from the database when needed. Blocking. */
    public Optional<Session> find(String id) {
        String hash = Tokens.hash(id);
        Instant now = clock.instant();
        Optional<Session> found = repository.find(hash).filter(s -> !s.expired(now));
        if (found.isPresent()) {
            cache.put(hash, new Cached(found.get(), now));
        } else {
            cache.remove(hash);
        }
        if (cache.size() > 100_000) {
            cache.values()
                    .removeIf(c ->
                            c.session().expired(now) || now.isAfter(c.readAt().plus(RECHECK)));
        }
        return found;
    }

    /** Ends the session. Blocking. */
    public void end(String id) {
        String hash = Tokens.hash(id);
        cache.remove(hash);
        repository.delete(hash);
    }
}
