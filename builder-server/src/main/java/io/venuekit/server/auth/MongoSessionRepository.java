package io.venuekit.server.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** Sessions in MongoDB: {@code _id} is the SHA-256 of the session id; read and deleted by {@code _id} only. */
public final class MongoSessionRepository implements SessionRepository {

    private final MongoCollection<Document> sessions;

    public MongoSessionRepository(MongoDatabase db) {
        this.sessions = db.getCollection("sessions");
    }

    @Override
    public void insert(Session session) {
        sessions.insertOne(new Document("_id", session.idHash())
                .append("user", session.user().name())
                .append("role", session.user().role().id())
                .append("csrf", session.csrf())
                .append("expiresAt", Date.from(session.expiresAt())));
    }

    @Override
    public Optional<Session> find(String idHash) {
        Document d = sessions.find(Filters.eq("_id", idHash)).first();
        if (d == null) {
            return Optional.empty();
        }
        User user = new User(d.getString("user"), User.Role.parse(d.getString("role")));
        return Optional.of(new Session(
                idHash, user, d.getString("csrf"), d.getDate("expiresAt").toInstant()));
    }

    @Override
    public void delete(String idHash) {
        sessions.deleteOne(Filters.eq("_id", idHash));
    }
}
