package io.venuekit.server.asset;

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
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.crop.Focus;
import io.venuekit.server.db.Documents;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

/**
 * Asset documents in the {@code assets} collection, {@code _id} the asset id, and in
 * {@code asset_owners} one document per owner listing the ids they uploaded, in upload order:
 * an owner's assets are then read by {@code _id} ({@code $in}), which the embedded server answers
 * from its index, where a filter on {@code owners} read every asset.
 */
public final class MongoAssetRepository implements AssetRepository {

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    /** Its document in {@code migrations} says every asset stored before {@code asset_owners} was kept is in it. */
    private static final String OWNERS_INDEXED = "asset_owners";
    /** Its document in {@code migrations} says every asset stored before {@code asset_listing} was kept is in it. */
    private static final String LISTED = "asset_listing";
    /** The {@code asset_listing} document listing every asset. */
    private static final String ALL = "all";

    private final MongoCollection<Document> assets;
    private final MongoCollection<Document> owners;
    private final MongoCollection<Document> migrations;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> useCrops;
    private final MongoCollection<Document> listing;

    public MongoAssetRepository(MongoDatabase db) {
        this.assets = db.getCollection("assets");
        this.owners = db.getCollection("asset_owners");
        this.migrations = db.getCollection("migrations");
        this.counters = db.getCollection("counters");
        this.useCrops = db.getCollection("asset_use_crops");
        this.listing = db.getCollection("asset_listing");
        assets.createIndex(Indexes.ascending("status", "heartbeatMs"));
        // Unique because _id is; see idAnd.
        assets.createIndex(Indexes.ascending("_id", "status"), new IndexOptions().unique(true));
        assets.createIndex(Indexes.ascending("_id", "claim"), new IndexOptions().unique(true));
        indexOwnersOfEarlierAssets();
        listEarlierAssets();
    }

    /**
     * Once per database: puts every asset stored before {@code asset_listing} was kept into it, oldest
     * first (one scan: about 2.5 s at 20,000 assets on the embedded server).
     */
    private void listEarlierAssets() {
        if (migrations.find(eq("_id", LISTED)).first() != null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<Document> entries = new ArrayList<>();
        assets.find().projection(Projections.include("name", "createdAt")).sort(Sorts.ascending("createdAt")).forEach(d -> {
            ids.add(d.getString("_id"));
            entries.add(entry(d.getString("_id"), d.getString("name")));
        });
        if (!ids.isEmpty()) {
            listing.updateOne(eq("_id", ALL), Updates.combine(Updates.addEachToSet("ids", ids), Updates.addEachToSet("entries", entries)),
                    new UpdateOptions().upsert(true));
        }
        migrations.updateOne(eq("_id", LISTED), Updates.set("at", java.time.Instant.now().toString()),
                new UpdateOptions().upsert(true));
    }

    /** Once per database: lists, by owner, the assets stored before {@code asset_owners} was kept. */
    private void indexOwnersOfEarlierAssets() {
        if (migrations.find(eq("_id", OWNERS_INDEXED)).first() != null) {
            return;
        }
        assets.find().projection(Projections.include("owners", "createdAt")).sort(Sorts.ascending("createdAt"))
                .forEach(d -> d.getList("owners", String.class, List.of()).forEach(o -> indexOwner(o, d.getString("_id"), null)));
        migrations.updateOne(eq("_id", OWNERS_INDEXED), Updates.set("at", java.time.Instant.now().toString()),
                new UpdateOptions().upsert(true));
    }

    /**
     * Lists a new asset for its owner and in everyone's list ({@code asset_listing}, one document): ids in
     * upload order, and each id with its file name for searching. A library page then reads one document
     * and the page's assets by {@code _id}, where a sort or a regex on {@code assets} reads every asset on
     * the embedded server.
     */
    private void indexOwner(String owner, String id, String name) {
        var update = Updates.combine(Updates.addToSet("ids", id), Updates.addToSet("entries", entry(id, name)));
        owners.updateOne(eq("_id", owner), update, new UpdateOptions().upsert(true));
        listing.updateOne(eq("_id", ALL), update, new UpdateOptions().upsert(true));
    }

    private static Document entry(String id, String name) {
        return new Document("id", id).append("name", name);
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
        indexOwner(asset.owner(), asset.id(), asset.name());
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
        Document listed = owner == null ? listing.find(eq("_id", ALL)).first() : owners.find(eq("_id", owner)).first();
        List<String> ids = listed == null ? List.of() : listed.getList("ids", String.class, List.of());
        Map<String, String> names = new HashMap<>();
        if (listed != null) {
            for (Document e : listed.getList("entries", Document.class, List.of())) {
                if (e.getString("name") != null) {
                    names.put(e.getString("id"), e.getString("name"));
                }
            }
        }
        int from = ids.size() - 1;
        if (cursor != null) {
            int at = ids.lastIndexOf(cursor);
            if (at < 0) {
                throw new IllegalArgumentException("cursor " + cursor + " is not an asset of this list");
            }
            from = at - 1;
        }
        String needle = query == null || query.isBlank() ? null : query.strip().toLowerCase(java.util.Locale.ROOT);
        List<String> chosen = new ArrayList<>();
        String next = null;
        for (int i = from; i >= 0; i--) { // newest first: the last ids were uploaded last
            String id = ids.get(i);
            String name = names.get(id);
            if (needle != null && !id.startsWith(needle) && (name == null || !name.toLowerCase(java.util.Locale.ROOT).contains(needle))) {
                continue;
            }
            if (chosen.size() == limit) {
                next = chosen.get(chosen.size() - 1);
                break;
            }
            chosen.add(id);
        }
        List<StoredAsset> result = new ArrayList<>();
        if (chosen.isEmpty()) {
            return new Listing(result, null);
        }
        Map<String, StoredAsset> byId = new HashMap<>();
        assets.find(in("_id", chosen)).forEach(d -> byId.put(d.getString("_id"), toAsset(d)));
        // an id listed without its asset (a crash between the two writes) is skipped
        chosen.forEach(id -> {
            StoredAsset a = byId.get(id);
            if (a != null) {
                result.add(a);
            }
        });
        return new Listing(result, next);
    }

    @Override
    public Optional<StoredAsset> claim(String id, String token, long nowMs) {
        Document claimed = assets.findOneAndUpdate(idAnd(id, "status", AssetStatus.QUEUED.id()),
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
        return assets.updateOne(idAnd(id, "claim", token), Updates.combine(
                Updates.set("progress", progress),
                Updates.set("stage", stage),
                Updates.set("heartbeatMs", nowMs))).getMatchedCount() == 1;
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
            updates.add(Updates.pushEach("retired", done.retired().stream().map(r -> Documents.toDocument(AssetJson.tree(r))).toList()));
        }
        return assets.updateOne(idAnd(id, "claim", token), Updates.combine(updates)).getMatchedCount() == 1;
    }

    @Override
    public boolean fail(String id, String token, AssetFailure failure, String now) {
        return assets.updateOne(idAnd(id, "claim", token), Updates.combine(
                Updates.set("status", AssetStatus.FAILED.id()),
                Updates.set("failure", Documents.toDocument(AssetJson.tree(failure))),
                Updates.set("stage", "failed"),
                Updates.set("updatedAt", now),
                Updates.unset("claim"))).getMatchedCount() == 1;
    }

    @Override
    public Optional<StoredAsset> requestFocus(String id, Focus focus, String now, long nowMs) {
        Optional<StoredAsset> current = find(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String job = current.get().manifest() != null ? StoredAsset.REPLAN : StoredAsset.PROCESS;
        Document updated = assets.findOneAndUpdate(eq("_id", id), Updates.combine(
                focus == null ? Updates.unset("requestedFocus")
                        : Updates.set("requestedFocus", Documents.toDocument(AssetJson.tree(focus))),
                Updates.set("job", job),
                Updates.set("status", AssetStatus.QUEUED.id()),
                Updates.set("progress", 0.0),
                Updates.set("stage", "queued"),
                Updates.set("attempts", 0),
                Updates.set("heartbeatMs", nowMs),
                Updates.set("updatedAt", now),
                Updates.unset("claim")), AFTER);
        return Optional.ofNullable(updated).map(MongoAssetRepository::toAsset);
    }

    @Override
    public Optional<StoredAsset> retry(String id, String now, long nowMs) {
        Document updated = assets.findOneAndUpdate(idAnd(id, "status", AssetStatus.FAILED.id()), Updates.combine(
                Updates.set("status", AssetStatus.QUEUED.id()),
                Updates.set("progress", 0.0),
                Updates.set("stage", "queued"),
                Updates.set("attempts", 0),
                Updates.set("heartbeatMs", nowMs),
                Updates.set("updatedAt", now),
                Updates.unset("claim")), AFTER);
        return Optional.ofNullable(updated).map(MongoAssetRepository::toAsset);
    }

    @Override
    public long releaseStale(long staleBeforeMs, String now) {
        return assets.updateMany(and(eq("status", AssetStatus.PROCESSING.id()), lt("heartbeatMs", staleBeforeMs)),
                Updates.combine(
                        Updates.set("status", AssetStatus.QUEUED.id()),
                        Updates.set("stage", "queued again: the worker stopped (a restart?)"),
                        Updates.set("updatedAt", now),
                        Updates.unset("claim"))).getModifiedCount();
    }

    @Override
    public List<QueuedJob> queued(int limit) {
        List<QueuedJob> jobs = new ArrayList<>();
        assets.find(eq("status", AssetStatus.QUEUED.id())).projection(Projections.include("_id", "job"))
                .sort(Sorts.ascending("heartbeatMs")).limit(limit)
                .forEach(d -> jobs.add(new QueuedJob(d.getString("_id"), d.getString("job"))));
        return jobs;
    }

    @Override
    public long variantsEpoch() {
        Document d = counters.find(eq("_id", "assetVariants")).first();
        return d == null ? 0 : ((Number) d.get("n")).longValue();
    }

    @Override
    public void bumpVariantsEpoch() {
        counters.updateOne(eq("_id", "assetVariants"), Updates.inc("n", 1L), new UpdateOptions().upsert(true));
    }

    @Override
    public void forgetRetired(String id, List<String> names) {
        assets.updateOne(eq("_id", id), Updates.pullByFilter(
                new Document("retired", new Document("name", new Document("$in", names)))));
    }

    @Override
    public List<StoredAsset> withRetiredBefore(long beforeMs, int limit) {
        List<StoredAsset> result = new ArrayList<>();
        assets.find(lt("retired.atMs", beforeMs)).limit(limit).forEach(d -> result.add(toAsset(d)));
        return result;
    }

    @Override
    public Optional<StoredUseCrop> findUseCrop(String key) {
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

    @Override
    public void saveUseCrop(StoredUseCrop crop) {
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
