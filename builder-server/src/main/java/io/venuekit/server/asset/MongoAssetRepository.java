package io.venuekit.server.asset;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.venuekit.assets.crop.Focus;
import io.venuekit.server.db.Documents;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Asset documents in the {@code assets} collection, {@code _id} the asset id: each asset's job
 * state (claims, progress, completion, focus, retries) and its retired files. The libraries' order
 * is kept by {@link MongoAssetListings}, the use crops by {@link MongoUseCrops}, the order in which
 * assets' served variants changed by {@link MongoVariantsChanges}.
 */
public final class MongoAssetRepository implements AssetRepository {

    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> assets;
    private final MongoAssetListings listings;
    private final MongoUseCrops useCrops;
    private final MongoVariantsChanges variantsChanges;

    public MongoAssetRepository(MongoDatabase db) {
        this.assets = db.getCollection("assets");
        this.listings = new MongoAssetListings(db, assets);
        this.useCrops = new MongoUseCrops(db);
        this.variantsChanges = new MongoVariantsChanges(db);
        io.venuekit.server.db.Database.ensure(db, "asset indexes and listings", () -> {
            assets.createIndex(Indexes.ascending("status", "heartbeatMs"));
            // Unique because _id is; see idAnd.
            assets.createIndex(Indexes.ascending("_id", "status"), new IndexOptions().unique(true));
            assets.createIndex(Indexes.ascending("_id", "claim"), new IndexOptions().unique(true));
            listings.listEarlier();
        });
    }

    /**
     * The asset {@code id} if its {@code field} still holds {@code value}, as a plain document: the
     * embedded server uses an index only for a plain equality on exactly its keys (and only a unique
     * one), so {@code and(eq("_id", id), ...)} read every asset there (2.4 s at 20,000 assets, for
     * each progress write of a job), where this takes a few milliseconds.
     */
    private static Document idAnd(String id, String field, Object value) {
        return new Document("_id", id).append(field, value);
    }

    @Override
    public boolean insert(StoredAsset asset) {
        // The owner's list first: an id listed without its asset (a crash in between) is skipped when read.
        listings.add(asset.owner(), asset.id(), asset.name());
        try {
            assets.insertOne(toDocument(asset));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the owner's list already has it (written above); only the asset's own list is missing it
            assets.updateOne(eq("_id", asset.id()), Updates.addToSet("owners", asset.owner()));
            return false;
        }
    }

    @Override
    public Optional<StoredAsset> find(String id) {
        return Optional.ofNullable(assets.find(eq("_id", id)).first()).map(MongoAssetRepository::toAsset);
    }

    @Override
    public boolean exists(String id) {
        return assets.find(eq("_id", id)).projection(Projections.include("_id")).first() != null;
    }

    @Override
    public Listing page(String owner, String query, String cursor, int limit) {
        MongoAssetListings.Chosen chosen = listings.choose(owner, query, cursor, limit);
        List<StoredAsset> result = new ArrayList<>();
        if (chosen.ids().isEmpty()) {
            return new Listing(result, null);
        }
        Map<String, StoredAsset> byId = new HashMap<>();
        assets.find(in("_id", chosen.ids())).forEach(d -> byId.put(d.getString("_id"), toAsset(d)));
        // an id listed without its asset (a crash between the two writes) is skipped
        chosen.ids().forEach(id -> {
            StoredAsset a = byId.get(id);
            if (a != null) {
                result.add(a);
            }
        });
        return new Listing(result, chosen.next());
    }

    @Override
    public Optional<StoredAsset> claim(String id, String token, long nowMs) {
        Document claimed = assets.findOneAndUpdate(
                idAnd(id, "status", AssetStatus.QUEUED.id()),
                Updates.combine(
                        Updates.set("status", AssetStatus.PROCESSING.id()),
                        Updates.set("claim", token),
                        Updates.inc("attempts", 1),
                        Updates.set("heartbeatMs", nowMs),
                        Updates.set("progress", 0.0),
                        Updates.set("stage", "starting")),
                AFTER);
        return Optional.ofNullable(claimed).map(MongoAssetRepository::toAsset);
    }

    @Override
    public boolean progress(String id, String token, double progress, String stage, long nowMs) {
        return assets.updateOne(
                                idAnd(id, "claim", token),
                                Updates.combine(
                                        Updates.set("progress", progress),
                                        Updates.set("stage", stage),
                                        Updates.set("heartbeatMs", nowMs)))
                        .getMatchedCount()
                == 1;
    }

    @Override
    public boolean complete(String id, String token, Completion done) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("manifest", Documents.toDocument(AssetJson.tree(done.manifest()))),
                Updates.set("updatedAt", done.now()),
                Updates.set("readyAt", done.readyAt()),
                Updates.unset("claim"),
                Updates.unset("failure")));
        if (done.refineNext()) {
            updates.addAll(List.of(
                    Updates.set("status", AssetStatus.QUEUED.id()),
                    Updates.set("job", StoredAsset.REFINE),
                    Updates.set("progress", 0.0),
                    Updates.set("stage", "variants ready; queued to refine the subject with the model"),
                    Updates.set("attempts", 0),
                    Updates.set("heartbeatMs", done.nowMs())));
        } else {
            updates.addAll(List.of(
                    Updates.set("status", AssetStatus.READY.id()),
                    Updates.set("progress", 1.0),
                    Updates.set("stage", "ready")));
        }
        if (!done.retired().isEmpty()) {
            updates.add(Updates.pushEach(
                    "retired",
                    done.retired().stream()
                            .map(r -> Documents.toDocument(AssetJson.tree(r)))
                            .toList()));
        }
        return assets.updateOne(idAnd(id, "claim", token), Updates.combine(updates))
                        .getMatchedCount()
                == 1;
    }

    @Override
    public boolean fail(String id, String token, AssetFailure failure, String now) {
        return assets.updateOne(
                                idAnd(id, "claim", token),
                                Updates.combine(
                                        Updates.set("status", AssetStatus.FAILED.id()),
                                        Updates.set("failure", Documents.toDocument(AssetJson.tree(failure))),
                                        Updates.set("stage", "failed"),
                                        Updates.set("updatedAt", now),
                                        Updates.unset("claim")))
                        .getMatchedCount()
                == 1;
    }

    @Override
    public Optional<StoredAsset> requestFocus(String id, Focus focus, String now, long nowMs) {
        Optional<StoredAsset> current = find(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String job = current.get().manifest() != null ? StoredAsset.REPLAN : StoredAsset.PROCESS;
        Document updated = assets.findOneAndUpdate(
                eq("_id", id),
                Updates.combine(
                        focus == null
                                ? Updates.unset("requestedFocus")
                                : Updates.set("requestedFocus", Documents.toDocument(AssetJson.tree(focus))),
                        Updates.set("job", job),
                        Updates.set("status", AssetStatus.QUEUED.id()),
                        Updates.set("progress", 0.0),
                        Updates.set("stage", "queued"),
                        Updates.set("attempts", 0),
                        Updates.set("heartbeatMs", nowMs),
                        Updates.set("updatedAt", now),
                        Updates.unset("claim")),
                AFTER);
        return Optional.ofNullable(updated).map(MongoAssetRepository::toAsset);
    }

    @Override
    public Optional<StoredAsset> retry(String id, String now, long nowMs) {
        Document updated = assets.findOneAndUpdate(
                idAnd(id, "status", AssetStatus.FAILED.id()),
                Updates.combine(
                        Updates.set("status", AssetStatus.QUEUED.id()),
                        Updates.set("progress", 0.0),
                        Updates.set("stage", "queued"),
                        Updates.set("attempts", 0),
                        Updates.set("heartbeatMs", nowMs),
                        Updates.set("updatedAt", now),
                        Updates.unset("claim")),
                AFTER);
        return Optional.ofNullable(updated).map(MongoAssetRepository::toAsset);
    }

    @Override
    public long releaseStale(long staleBeforeMs, String now) {
        return assets.updateMany(
                        and(eq("status", AssetStatus.PROCESSING.id()), lt("heartbeatMs", staleBeforeMs)),
                        Updates.combine(
                                Updates.set("status", AssetStatus.QUEUED.id()),
                                Updates.set("stage", "queued again: the worker stopped (a restart?)"),
                                Updates.set("updatedAt", now),
                                Updates.unset("claim")))
                .getModifiedCount();
    }

    @Override
    public List<QueuedJob> queued(int limit) {
        List<QueuedJob> jobs = new ArrayList<>();
        assets.find(eq("status", AssetStatus.QUEUED.id()))
                .projection(Projections.include("_id", "job"))
                .sort(Sorts.ascending("heartbeatMs"))
                .limit(limit)
                .forEach(d -> jobs.add(new QueuedJob(d.getString("_id"), d.getString("job"))));
        return jobs;
    }

    @Override
    public long recordVariantsChange(String assetId) {
        return variantsChanges.record(assetId);
    }

    @Override
    public VariantsChanges variantsChangesSince(long since) {
        return variantsChanges.since(since);
    }

    @Override
    public void forgetRetired(String id, List<String> names) {
        assets.updateOne(
                eq("_id", id),
                Updates.pullByFilter(new Document("retired", new Document("name", new Document("$in", names)))));
    }

    @Override
    public List<StoredAsset> withRetiredBefore(long beforeMs, int limit) {
        List<StoredAsset> result = new ArrayList<>();
        assets.find(lt("retired.atMs", beforeMs)).limit(limit).forEach(d -> result.add(toAsset(d)));
        return result;
    }

    @Override
    public Optional<StoredUseCrop> findUseCrop(String key) {
        return useCrops.find(key);
    }

    @Override
    public void saveUseCrop(StoredUseCrop crop) {
        useCrops.save(crop);
    }

    private static Document toDocument(StoredAsset asset) {
        ObjectNode json = AssetJson.tree(asset);
        json.remove("id");
        Document doc = Documents.toDocument(json);
        doc.put("_id", asset.id());
        return doc;
    }

    private static StoredAsset toAsset(Document doc) {
        ObjectNode json = Documents.toJson(doc);
        json.set("id", json.remove("_id"));
        try {
            return AssetJson.MAPPER.treeToValue(json, StoredAsset.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("asset " + doc.get("_id") + " cannot be read", e);
        }
    }
}
