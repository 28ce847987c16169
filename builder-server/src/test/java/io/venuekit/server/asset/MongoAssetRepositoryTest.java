package io.venuekit.server.asset;

import io.venuekit.server.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
