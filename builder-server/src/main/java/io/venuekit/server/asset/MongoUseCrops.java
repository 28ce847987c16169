package io.venuekit.server.asset;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.venuekit.server.db.Documents;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.bson.Document;

/** The files made for one use's own focus, in {@code asset_use_crops}, {@code _id} the {@link UseCrops#key}. */
final class MongoUseCrops {

    private final MongoCollection<Document> useCrops;

    MongoUseCrops(MongoDatabase db) {
        this.useCrops = db.getCollection("asset_use_crops");
    }

    Optional<StoredUseCrop> find(String key) {
        Document doc = useCrops.find(eq("_id", key)).first();
        if (doc == null) {
            return Optional.empty();
        }
        ObjectNode json = Documents.toJson(doc);
        json.set("key", json.remove("_id"));
        try {
            return Optional.of(AssetJson.MAPPER.treeToValue(json, StoredUseCrop.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("use crop " + key + " cannot be read", e);
        }
    }

    /** Stores the crop unless one with its key is stored already (the same files: made by another worker). */
    void save(StoredUseCrop crop) {
        ObjectNode json = AssetJson.tree(crop);
        json.remove("key");
        Document doc = Documents.toDocument(json);
        doc.put("_id", crop.key());
        try {
            useCrops.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
