package io.venuekit.server.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.venuekit.server.db.Documents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The audit trail in the {@code audit} collection. */
public final class MongoAuditLog implements AuditLog {

    private final MongoCollection<Document> audit;
    private final Clock clock;

    public MongoAuditLog(MongoDatabase db, Clock clock) {
        this.audit = db.getCollection("audit");
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String subject, ObjectNode details) {
        Document entry = new Document("_id", new ObjectId())
                .append("at", clock.instant().toString())
                .append("actor", actor)
                .append("action", action)
                .append("subject", subject)
                .append("details", Documents.toDocument(details));
        audit.insertOne(entry);
    }

    @Override
    public List<ObjectNode> entries(String subject, int limit) {
        List<ObjectNode> result = new ArrayList<>();
        (subject == null ? audit.find() : audit.find(Filters.eq("subject", subject)))
                .sort(Sorts.descending("_id"))
                .limit(limit)
                .forEach(d -> {
                    ObjectNode json = Documents.toJson(d);
                    json.put("id", d.getObjectId("_id").toHexString());
                    json.remove("_id");
                    result.add(json);
                });
        return result;
    }
}
