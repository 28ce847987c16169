package io.venuekit.server.asset;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.venuekit.server.asset.AssetRepository.VariantsChange;
import io.venuekit.server.asset.AssetRepository.VariantsChanges;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Which assets' served variants changed, in order: one {@code counters} document, {@code assetVariants},
 * holding the count of changes and the ids of the latest {@link #RETAINED_CHANGES}, so every instance
 * can tell which of its cached layouts an asset's new files affect.
 */
final class MongoVariantsChanges {

    /** Changes of served variants kept for instances that read them late. */
    static final int RETAINED_CHANGES = 500;

    private final MongoCollection<Document> counters;

    MongoVariantsChanges(MongoDatabase db) {
        this.counters = db.getCollection("counters");
    }

    long record(String assetId) {
        // one document, one atomic update: the number and the asset can never be seen apart
        Document counter = counters.findOneAndUpdate(
                eq("_id", "assetVariants"),
                Updates.combine(
                        Updates.inc("n", 1L),
                        Updates.pushEach("recent", List.of(assetId), new PushOptions().slice(-RETAINED_CHANGES))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("n")).longValue();
    }

    VariantsChanges since(long since) {
        Document counter = counters.find(eq("_id", "assetVariants")).first();
        long latest = counter == null ? 0 : ((Number) counter.get("n")).longValue();
        if (since < 0 || latest <= since) {
            return new VariantsChanges(latest, List.of(), since >= 0);
        }
        List<String> recent = counter.getList("recent", String.class, List.of());
        long first = latest - recent.size() + 1;
        List<VariantsChange> changes = new ArrayList<>();
        for (int i = (int) Math.max(0, since + 1 - first); i < recent.size(); i++) {
            changes.add(new VariantsChange(first + i, recent.get(i)));
        }
        // an instance further behind than the changes kept learns only that something changed
        return new VariantsChanges(latest, changes, since + 1 >= first);
    }
}
