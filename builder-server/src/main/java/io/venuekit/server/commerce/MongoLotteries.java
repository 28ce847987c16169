package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.venuekit.renderer.live.DataSource;
import io.venuekit.renderer.live.Lottery;
import io.venuekit.server.db.Documents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Lotteries: the definition in {@code lotteries} ({@code _id}, prizes with their odds, the
 * bucket count), each prize's stock in {@link StockBuckets} under {@code <lottery>/<prize>}, and
 * each shopper's draws in {@code lottery_entries} ({@code _id} = {@code <lottery>:<user>}).
 */
public final class MongoLotteries implements DataSource {

    public record Stored(Lottery lottery, int buckets) {}

    private final MongoCollection<Document> lotteries;
    private final MongoCollection<Document> entries;
    private final StockBuckets stock;

    MongoLotteries(MongoDatabase db, StockBuckets stock) {
        this.lotteries = db.getCollection("lotteries");
        this.entries = db.getCollection("lottery_entries");
        this.stock = stock;
    }

    static String owner(String lottery, String prize) {
        return lottery + "/" + prize;
    }

    @Override
    public String name() {
        return Lottery.SOURCE;
    }

    @Override
    public Fetched fetch(Set<String> ids) {
        Map<String, Lottery> found = new HashMap<>();
        for (Stored s : read(Filters.in("_id", ids), Integer.MAX_VALUE)) {
            found.put(s.lottery().id(), s.lottery());
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

    public boolean create(Lottery lottery, int buckets) {
        try {
            lotteries.insertOne(definition(lottery, buckets));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        for (Lottery.Prize p : lottery.prizes()) {
            stock.create(owner(lottery.id(), p.id()), p.stock(), buckets);
        }
        return true;
    }

    /**
     * Replaces the definition and sets each prize's stock to the one given (prizes left out lose
     * theirs). Meant between campaigns: a draw running at the same moment may take a unit the new
     * count then restores.
     */
    public boolean replace(Lottery lottery) {
        Optional<Stored> current = find(lottery.id());
        if (current.isEmpty()) {
            return false;
        }
        int buckets = current.get().buckets();
        lotteries.replaceOne(Filters.eq("_id", lottery.id()), definition(lottery, buckets));
        for (Lottery.Prize old : current.get().lottery().prizes()) {
            stock.delete(owner(lottery.id(), old.id()), buckets);
        }
        for (Lottery.Prize p : lottery.prizes()) {
            stock.create(owner(lottery.id(), p.id()), p.stock(), buckets);
        }
        return true;
    }

    public boolean delete(String id) {
        find(id).ifPresent(s -> s.lottery().prizes().forEach(p -> stock.delete(owner(id, p.id()), s.buckets())));
        return lotteries.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    public boolean isEmpty() {
        return lotteries.find().limit(1).first() == null;
    }

    /**
     * Counts one draw for the shopper unless they have used {@code limit}: an upsert conditional on
     * {@code draws < limit}, which on a used-up entry tries to insert a second document with the
     * same {@code _id} and fails.
     *
     * @return the draws used after this one, or -1 when none were left
     */
    int useChance(String lotteryId, String user, int limit) {
        try {
            Document after = entries.findOneAndUpdate(
                    new Document("_id", lotteryId + ":" + user).append("draws", new Document("$lt", limit)),
                    Updates.inc("draws", 1),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return after == null ? -1 : after.getInteger("draws", 1);
        } catch (com.mongodb.MongoCommandException e) {
            // findAndModify reports the duplicate key as a failed command (11000), not a write error
            if (e.getErrorCode() == 11000) {
                return -1;
            }
            throw e;
        }
    }

    int takePrize(String lotteryId, String prizeId, int buckets) {
        return stock.takeOne(owner(lotteryId, prizeId), buckets);
    }

    private List<Stored> read(org.bson.conversions.Bson filter, int limit) {
        List<Document> docs = new ArrayList<>();
        lotteries.find(filter).sort(Sorts.ascending("_id")).limit(limit).into(docs);
        Map<String, Integer> owners = new HashMap<>();
        for (Document d : docs) {
            for (Document p : d.getList("prizes", Document.class)) {
                owners.put(owner(d.getString("_id"), p.getString("id")), d.getInteger("buckets", 1));
            }
        }
        Map<String, Long> left = stock.remaining(owners);
        List<Stored> out = new ArrayList<>();
        for (Document d : docs) {
            ObjectNode json = Documents.toJson(d);
            String id = d.getString("_id");
            json.set("id", json.remove("_id"));
            int buckets = json.remove("buckets").asInt(1);
            for (JsonNode p : json.path("prizes")) {
                ((ObjectNode) p)
                        .put("stock", left.getOrDefault(owner(id, p.path("id").asText()), 0L));
            }
            out.add(new Stored(Lottery.fromJson(json), buckets));
        }
        return out;
    }

    private static Document definition(Lottery lottery, int buckets) {
        Document doc = Documents.toDocument(lottery.toDocument());
        doc.remove("id");
        doc.put("_id", lottery.id());
        doc.put("buckets", buckets);
        for (Document p : doc.getList("prizes", Document.class)) {
            p.remove("stock");
        }
        return doc;
    }
}
