package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.venuekit.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The first answer to each (shopper, idempotency key) in {@code idempotency} ({@code _id} =
 * {@code <user>\u0000<key>}): a request inserts a pending record before it acts (a duplicate key
 * means another request with that key came first) and stores its answer after, so a retry with the
 * same key gets the first answer instead of acting twice.
 */
final class MongoIdempotency {

    /** A recorded request: what it was for, and its answer once there is one (status 0 while pending). */
    record Recorded(String scope, int status, JsonNode body) {
        boolean pending() {
            return status == 0;
        }
    }

    private final MongoCollection<Document> records;

    MongoIdempotency(MongoDatabase db) {
        this.records = db.getCollection("idempotency");
    }

    private static String id(String user, String key) {
        return user + "\u0000" + key;
    }

    /** Claims the key for this request; when another request had it, what that one recorded. */
    Optional<Recorded> begin(String user, String key, String scope, String at) {
        try {
            records.insertOne(new Document("_id", id(user, key))
                    .append("scope", scope)
                    .append("status", 0)
                    .append("at", at));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document d = records.find(Filters.eq("_id", id(user, key))).first();
        if (d == null) {
            // deleted in between by a request that failed: this one may go ahead next time
            return Optional.of(new Recorded(scope, 0, null));
        }
        Binary body = d.get("body", Binary.class);
        try {
            return Optional.of(new Recorded(
                    d.getString("scope"),
                    d.getInteger("status", 0),
                    body == null ? null : Json.MAPPER.readTree(body.getData())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish(String user, String key, int status, JsonNode body) {
        try {
            records.updateOne(
                    Filters.eq("_id", id(user, key)),
                    Updates.combine(
                            Updates.set("status", status),
                            Updates.set("body", new Binary(Json.MAPPER.writeValueAsBytes(body)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets a key whose request failed before it had an answer, so that a retry may act. */
    void abandon(String user, String key) {
        records.deleteOne(Filters.eq("_id", id(user, key)));
    }
}
