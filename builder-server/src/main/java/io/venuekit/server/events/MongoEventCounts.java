package io.venuekit.server.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Event counts, one document per page version ({@code event_counts}, {@code _id} =
 * {@code <page>:<version>}) holding a counter per tracking id, tier, variant and event type, so a
 * flush is one {@code $inc} upsert per page version and the builder's read is by page; and the
 * batch ids seen ({@code event_batches}, {@code _id} = batch id), which make a resent batch count once.
 */
final class MongoEventCounts {

    private final MongoCollection<Document> counts;
    private final MongoCollection<Document> batches;

    MongoEventCounts(MongoDatabase db) {
        this.counts = db.getCollection("event_counts");
        this.batches = db.getCollection("event_batches");
    }

    /** Whether this batch id is new (and is now taken). */
    boolean firstTime(String batchId, String page, String at) {
        try {
            batches.insertOne(new Document("_id", batchId).append("page", page).append("at", at));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Adds counters ({@code field path → n}) to one page version's document. */
    void add(String page, int version, Map<String, Long> increments) {
        Document inc = new Document();
        increments.forEach(inc::append);
        counts.updateOne(
                Filters.eq("_id", page + ":" + version),
                new Document("$inc", inc).append("$set", new Document("page", page).append("version", version)),
                new UpdateOptions().upsert(true));
    }

    /** Every version's document of a page. */
    List<Document> forPage(String page) {
        return counts.find(Filters.eq("page", page)).into(new ArrayList<>());
    }
}
