package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.db.Database;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's writes hold only while the asset is in the state they expect. */
class MongoAssetRepositoryTest {

    @TempDir
    static Path dataDir;

    private static Database db;
    private static MongoAssetRepository repository;

    @BeforeAll
    static void open() {
        db = Database.connect(null, dataDir, "test");
        repository = new MongoAssetRepository(db.db());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void onlyAQueuedAssetIsClaimedAndOnlyOnce() {
        assertTrue(repository.insert(StoredAsset.queued("c1", "h", "m", "t0", 0)));
        StoredAsset claimed = repository.claim("c1", "first", 5).orElseThrow();
        assertEquals(AssetStatus.PROCESSING, claimed.status());
        assertEquals("first", claimed.claim());
        assertTrue(repository.claim("c1", "second", 6).isEmpty(), "already processing");
        assertEquals("first", repository.find("c1").orElseThrow().claim());
        assertTrue(repository.claim("missing", "x", 7).isEmpty());
    }

    @Test
    void progressAndFailureNeedTheCurrentClaim() {
        repository.insert(StoredAsset.queued("c2", "h", "m", "t0", 0));
        repository.claim("c2", "mine", 5).orElseThrow();

        assertFalse(repository.progress("c2", "stale", 0.9, "encoding", 6));
        assertEquals(0.0, repository.find("c2").orElseThrow().progress());
        assertTrue(repository.progress("c2", "mine", 0.5, "encoding", 7));
        assertEquals(0.5, repository.find("c2").orElseThrow().progress());

        AssetFailure failure = new AssetFailure("corrupt", "The file is cut short.", "decoding");
        assertFalse(repository.fail("c2", "stale", failure, "t1"));
        assertEquals(AssetStatus.PROCESSING, repository.find("c2").orElseThrow().status());
        assertTrue(repository.fail("c2", "mine", failure, "t1"));
        assertEquals(AssetStatus.FAILED, repository.find("c2").orElseThrow().status());
        assertFalse(repository.progress("c2", "mine", 0.6, "encoding", 8), "the claim ended with the job");
    }

    @Test
    void onlyAFailedAssetIsRetried() {
        repository.insert(StoredAsset.queued("c3", "h", "m", "t0", 0));
        assertTrue(repository.retry("c3", "t1", 1).isEmpty(), "queued, not failed");
        repository.claim("c3", "mine", 2).orElseThrow();
        repository.fail("c3", "mine", new AssetFailure("corrupt", "cut short", "decoding"), "t2");
        StoredAsset again = repository.retry("c3", "t3", 3).orElseThrow();
        assertEquals(AssetStatus.QUEUED, again.status());
        assertTrue(repository.claim("c3", "next", 4).isPresent());
    }

    @Test
    void anOwnersAssetsAreListedNewestFirstIncludingOnesTheyUploadedAgain() {
        for (String id : List.of("o1", "o2", "o3")) {
            assertTrue(repository.insert(StoredAsset.queued(id, "h", "lister-a", "t0", 0)));
        }
        assertTrue(repository.insert(StoredAsset.queued("o4", "h", "lister-b", "t0", 0)));
        // lister-b uploads the same bytes as o1: the insert finds it and adds the owner
        assertFalse(repository.insert(StoredAsset.queued("o1", "h", "lister-b", "t1", 1)));

        assertEquals(List.of("o3", "o2"), ids(repository.list("lister-a", 2)));
        assertEquals(List.of("o1", "o4"), ids(repository.list("lister-b", 10)));
        assertEquals(List.of(), repository.list("nobody", 10));
        assertTrue(repository.find("o1").orElseThrow().owners().contains("lister-b"));
    }

    @Test
    void assetsStoredBeforeOwnersWereIndexedAreListedToo(@TempDir Path older) {
        try (Database earlier = Database.connect(null, older, "test")) {
            // as a server of an earlier version left them: no asset_owners collection
            var assets = earlier.db().getCollection("assets");
            assets.insertOne(new Document("_id", "e1")
                    .append("owners", List.of("shop"))
                    .append("createdAt", "2026-01-01T00:00:00Z")
                    .append("status", "ready")
                    .append("owner", "shop"));
            assets.insertOne(new Document("_id", "e2")
                    .append("owners", List.of("shop", "other"))
                    .append("createdAt", "2026-01-02T00:00:00Z")
                    .append("status", "ready")
                    .append("owner", "shop"));

            MongoAssetRepository upgraded = new MongoAssetRepository(earlier.db());
            assertEquals(List.of("e2", "e1"), ids(upgraded.list("shop", 10)));
            assertEquals(List.of("e2"), ids(upgraded.list("other", 10)));

            upgraded.insert(StoredAsset.queued("e3", "h", "shop", "2026-01-03T00:00:00Z", 0));
            assertEquals(
                    List.of("e3", "e2", "e1"),
                    ids(new MongoAssetRepository(earlier.db()).list("shop", 10)),
                    "indexed once: a second start neither loses nor repeats any");
        }
    }

    private static List<String> ids(List<StoredAsset> assets) {
        return assets.stream().map(StoredAsset::id).toList();
    }

    @Test
    void variantsChangesAreReadBackInOrderAndAnInstanceTooFarBehindIsToldSo() {
        long start = repository.variantsChangesSince(-1).latest();
        long a = repository.recordVariantsChange("asset-a");
        long b = repository.recordVariantsChange("asset-b");
        assertEquals(List.of(start + 1, start + 2), List.of(a, b));

        AssetRepository.VariantsChanges read = repository.variantsChangesSince(start);
        assertTrue(read.complete());
        assertEquals(b, read.latest());
        assertEquals(
                List.of(
                        new AssetRepository.VariantsChange(a, "asset-a"),
                        new AssetRepository.VariantsChange(b, "asset-b")),
                read.changes());
        assertEquals(
                List.of(new AssetRepository.VariantsChange(b, "asset-b")),
                repository.variantsChangesSince(a).changes());
        assertTrue(repository.variantsChangesSince(b).changes().isEmpty());

        for (int i = 0; i < 500; i++) {
            repository.recordVariantsChange("many-" + i);
        }
        assertFalse(repository.variantsChangesSince(start).complete(), "the first two are no longer kept");
        AssetRepository.VariantsChanges lastKept = repository.variantsChangesSince(b);
        assertTrue(lastKept.complete(), "the 500 since are");
        assertEquals(500, lastKept.changes().size());
        assertEquals("many-0", lastKept.changes().get(0).assetId());
    }
}
