package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.venuekit.renderer.live.CouponPool;
import io.venuekit.renderer.live.DataSource;
import io.venuekit.server.db.Documents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Coupon pools: the definition in {@code coupons} ({@code _id} = pool id, {@code buckets} = how
 * many stock buckets), the stock in {@link StockBuckets}, one claim per shopper in
 * {@code coupon_claims} ({@code _id} = {@code <pool>:<user>}, so a second claim is a duplicate key).
 */
public final class MongoCoupons implements DataSource {

    /** A definition with its bucket count. */
    public record Stored(CouponPool pool, int buckets) {}

    private final MongoCollection<Document> coupons;
    private final MongoCollection<Document> claims;
    private final StockBuckets stock;

    MongoCoupons(MongoDatabase db, StockBuckets stock) {
        this.coupons = db.getCollection("coupons");
        this.claims = db.getCollection("coupon_claims");
        this.stock = stock;
    }

    @Override
    public String name() {
        return CouponPool.SOURCE;
    }

    /** The pools with what is left of each: two reads by {@code _id}, whatever the number of pools. */
    @Override
    public Fetched fetch(Set<String> ids) {
        Map<String, CouponPool> found = new HashMap<>();
        for (Stored s : read(Filters.in("_id", ids), Integer.MAX_VALUE)) {
            found.put(s.pool().id(), s.pool());
        }
        return Fetched.fresh(found);
    }

    public List<Stored> list(int limit) {
        return read(new Document(), limit);
    }

    public Optional<Stored> find(String id) {
        List<Stored> one = read(Filters.eq("_id", id), 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** A new pool with its stock in {@code buckets} buckets; false when the id is taken. */
    public boolean create(CouponPool pool, int buckets) {
        try {
            coupons.insertOne(definition(pool, buckets));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        stock.create(pool.id(), pool.stock(), buckets);
        return true;
    }

    /** Replaces the definition; the stock is changed only through {@link #addStock}. */
    public boolean update(CouponPool pool) {
        Optional<Stored> current = find(pool.id());
        if (current.isEmpty()) {
            return false;
        }
        coupons.replaceOne(
                Filters.eq("_id", pool.id()), definition(pool, current.get().buckets()));
        return true;
    }

    public long addStock(String id, int buckets, long delta) {
        return stock.add(id, buckets, delta);
    }

    public boolean delete(String id) {
        Optional<Stored> current = find(id);
        current.ifPresent(s -> stock.delete(id, s.buckets()));
        return coupons.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    public boolean isEmpty() {
        return coupons.find().limit(1).first() == null;
    }

    /** Records the shopper's claim before any stock is taken; false when they already hold one. */
    boolean reserveClaim(String poolId, String user, String at) {
        try {
            claims.insertOne(new Document("_id", poolId + ":" + user)
                    .append("pool", poolId)
                    .append("user", user)
                    .append("at", at));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void confirmClaim(String poolId, String user, int bucket) {
        claims.updateOne(Filters.eq("_id", poolId + ":" + user), Updates.set("bucket", bucket));
    }

    void releaseClaim(String poolId, String user) {
        claims.deleteOne(Filters.eq("_id", poolId + ":" + user));
    }

    int takeOne(String poolId, int buckets) {
        return stock.takeOne(poolId, buckets);
    }

    private List<Stored> read(org.bson.conversions.Bson filter, int limit) {
        List<Document> docs = new ArrayList<>();
        coupons.find(filter).sort(Sorts.ascending("_id")).limit(limit).into(docs);
        Map<String, Integer> owners = new HashMap<>();
        docs.forEach(d -> owners.put(d.getString("_id"), d.getInteger("buckets", 1)));
        Map<String, Long> left = stock.remaining(owners);
        List<Stored> out = new ArrayList<>();
        for (Document d : docs) {
            int buckets = d.getInteger("buckets", 1);
            ObjectNode json = Documents.toJson(d);
            json.set("id", json.remove("_id"));
            json.remove("buckets");
            json.put("stock", left.getOrDefault(d.getString("_id"), 0L));
            out.add(new Stored(CouponPool.fromJson(json), buckets));
        }
        return out;
    }

    private static Document definition(CouponPool pool, int buckets) {
        Document doc = Documents.toDocument(pool.toDocument());
        doc.remove("id");
        doc.remove("stock");
        doc.put("_id", pool.id());
        doc.put("buckets", buckets);
        return doc;
    }
}
