package io.venuekit.server.commerce;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.bson.Document;

/**
 * Stock split over bucket documents ({@code stock_buckets}, {@code _id} = {@code <owner>#<n>},
 * {@code stock}), so that claims on one hot coupon update different documents instead of
 * queueing on one. Taking one unit is a conditional {@code findOneAndUpdate} of one bucket
 * ({@code stock > 0}, {@code $inc: -1}): the database never lets a bucket go below zero, so the
 * stock is never oversold whatever the concurrency. A taker starts at a random bucket and moves on
 * past empty ones; buckets this instance saw empty are skipped for a few seconds, so the last units
 * of a coupon are not found by scanning every bucket on every claim.
 */
final class StockBuckets {

    /** How long a bucket seen empty is skipped; stock added here clears it at once, elsewhere within this. */
    private static final long EMPTY_HINT_MILLIS = 5_000;

    static final int MAX_BUCKETS = 256;

    private final MongoCollection<Document> buckets;
    private final LongSupplier clock;
    /** owner → when each bucket was last seen empty (epoch millis, 0 when not). */
    private final Map<String, long[]> seenEmpty = new ConcurrentHashMap<>();

    StockBuckets(MongoDatabase db, LongSupplier clock) {
        this.buckets = db.getCollection("stock_buckets");
        this.clock = clock;
    }

    static String bucketId(String owner, int n) {
        return owner + "#" + n;
    }

    /** Writes {@code total} over {@code n} buckets (replacing any), the remainder on the first ones. */
    void create(String owner, long total, int n) {
        List<Document> docs = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            long share = total / n + (b < total % n ? 1 : 0);
            docs.add(new Document("_id", bucketId(owner, b)).append("stock", share));
        }
        buckets.deleteMany(Filters.in("_id", ids(owner, MAX_BUCKETS)));
        buckets.insertMany(docs);
        seenEmpty.remove(owner);
    }

    void delete(String owner, int n) {
        buckets.deleteMany(Filters.in("_id", ids(owner, n)));
        seenEmpty.remove(owner);
    }

    /**
     * Takes one unit from one of the owner's {@code n} buckets.
     *
     * @return the bucket taken from, or -1 when every bucket is empty
     */
    int takeOne(String owner, int n) {
        long now = clock.getAsLong();
        long[] empty = seenEmpty.computeIfAbsent(owner, o -> new long[n]);
        int start = ThreadLocalRandom.current().nextInt(n);
        // first the buckets not known to be empty, then (once) those, since another instance may have added stock
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                int b = (start + i) % n;
                boolean knownEmpty = b < empty.length && now - empty[b] < EMPTY_HINT_MILLIS;
                if (knownEmpty != (pass == 1)) {
                    continue;
                }
                Document taken = buckets.findOneAndUpdate(
                        new Document("_id", bucketId(owner, b)).append("stock", new Document("$gt", 0)),
                        Updates.inc("stock", -1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                if (taken != null) {
                    return b;
                }
                if (b < empty.length) {
                    empty[b] = now;
                }
            }
        }
        return -1;
    }

    /**
     * Adds stock (spread evenly) or takes it (from the fullest buckets first, never below zero).
     *
     * @return what is left after
     */
    long add(String owner, int n, long delta) {
        if (delta > 0) {
            for (int b = 0; b < n; b++) {
                long share = delta / n + (b < delta % n ? 1 : 0);
                if (share > 0) {
                    buckets.updateOne(Filters.eq("_id", bucketId(owner, b)), Updates.inc("stock", share));
                }
            }
            seenEmpty.remove(owner);
        } else if (delta < 0) {
            long need = -delta;
            for (int b = 0; b < n && need > 0; b++) {
                Document bucket =
                        buckets.find(Filters.eq("_id", bucketId(owner, b))).first();
                long has = bucket == null ? 0 : ((Number) bucket.get("stock")).longValue();
                long take = Math.min(has, need);
                if (take > 0
                        && buckets.updateOne(
                                                new Document("_id", bucketId(owner, b))
                                                        .append("stock", new Document("$gte", take)),
                                                Updates.inc("stock", -take))
                                        .getModifiedCount()
                                == 1) {
                    need -= take;
                }
            }
        }
        return remaining(List.of(owner), n).getOrDefault(owner, 0L);
    }

    /** What is left per owner, each with {@code n} buckets: one read by {@code _id} for all of them. */
    Map<String, Long> remaining(Collection<String> owners, int n) {
        Map<String, Integer> counts = new HashMap<>();
        owners.forEach(o -> counts.put(o, n));
        return remaining(counts);
    }

    /** What is left per owner, given each owner's bucket count. */
    Map<String, Long> remaining(Map<String, Integer> owners) {
        List<String> ids = new ArrayList<>();
        Map<String, Long> left = new HashMap<>();
        owners.forEach((owner, n) -> {
            ids.addAll(ids(owner, n));
            left.put(owner, 0L);
        });
        if (ids.isEmpty()) {
            return left;
        }
        for (Document d : buckets.find(Filters.in("_id", ids))) {
            String id = d.getString("_id");
            String owner = id.substring(0, id.lastIndexOf('#'));
            left.merge(owner, ((Number) d.get("stock")).longValue(), Long::sum);
        }
        return left;
    }

    private static List<String> ids(String owner, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            ids.add(bucketId(owner, b));
        }
        return ids;
    }
}
