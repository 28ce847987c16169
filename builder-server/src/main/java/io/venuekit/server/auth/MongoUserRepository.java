package io.venuekit.server.auth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Users in MongoDB: {@code _id} is the name; only a SHA-256 of each token is kept. */
public final class MongoUserRepository implements UserRepository {

    private final MongoCollection<Document> users;

    public MongoUserRepository(MongoDatabase db) {
        this.users = db.getCollection("users");
        io.venuekit.server.db.Database.ensure(
                db,
                "user indexes",
                () -> users.createIndex(Indexes.ascending("tokenHash"), new IndexOptions().unique(true)));
    }

    @Override
    public boolean insert(User user, String tokenHash) {
        try {
            users.insertOne(new Document("_id", user.name())
                    .append("role", user.role().id())
                    .append("tokenHash", tokenHash));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Map<String, User> tokenHashes() {
        Map<String, User> all = new HashMap<>();
        users.find().forEach(d -> all.put(d.getString("tokenHash"), user(d)));
        return all;
    }

    @Override
    public List<User> list() {
        List<User> all = new ArrayList<>();
        users.find().forEach(d -> all.add(user(d)));
        return all;
    }

    @Override
    public boolean anyOperator() {
        return users.find(Filters.eq("role", User.Role.OPERATOR.id())).first() != null;
    }

    private static User user(Document d) {
        return new User(d.getString("_id"), User.Role.parse(d.getString("role")));
    }
}
