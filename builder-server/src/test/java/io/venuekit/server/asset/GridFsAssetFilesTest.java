package io.venuekit.server.asset;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import io.venuekit.server.db.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files are written and read without the driver's GridFS streams; any GridFS client must still read and write them. */
class GridFsAssetFilesTest {

    @TempDir
    static Path dataDir;

    private static Database db;
    private static GridFsAssetFiles files;
    private static GridFSBucket bucket;

    @BeforeAll
    static void open() {
        db = Database.connect(null, dataDir, "test");
        files = new GridFsAssetFiles(db.db());
        bucket = GridFSBuckets.create(db.db(), "asset_files");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void anOriginalOfSeveralChunksReadsBackWholeAndTheDriverReadsItToo() {
        byte[] original = bytes(700_000, 1); // three chunks of 255 KiB
        files.putOriginal("a1", original);
        assertArrayEquals(original, files.original("a1").orElseThrow());
        ByteArrayOutputStream viaDriver = new ByteArrayOutputStream();
        bucket.downloadToStream("a1/original", viaDriver);
        assertArrayEquals(original, viaDriver.toByteArray());
    }

    @Test
    void readsWhatTheDriverWrote() {
        byte[] data = bytes(300_000, 2);
        bucket.uploadFromStream("a2/original", new ByteArrayInputStream(data));
        assertArrayEquals(data, files.original("a2").orElseThrow());
    }

    @Test
    void aSecondOriginalForTheSameAssetKeepsTheFirst() {
        files.putOriginal("a3", bytes(10, 3));
        files.putOriginal("a3", bytes(10, 4));
        assertArrayEquals(bytes(10, 3), files.original("a3").orElseThrow());
        assertEquals(1, count("a3/original"));
    }

    @Test
    void theSameOriginalStoredByManyRequestsAtOnceEndsAsOneFile() throws Exception {
        byte[] original = bytes(600_000, 7);
        atOnce(8, () -> files.putOriginal("a5", original));
        assertArrayEquals(original, files.original("a5").orElseThrow());
        assertEquals(1, count("a5/original"), "the copies that lost the race are deleted");
        assertEquals(
                3,
                db.db()
                        .getCollection("asset_files.chunks")
                        .countDocuments(eq(
                                "files_id",
                                bucket.find(eq("filename", "a5/original"))
                                        .first()
                                        .getObjectId())),
                "the named copy has all its chunks");
    }

    @Test
    void twoJobsStoringTheSameVariantsAtOnceBothFinish() throws Exception {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            variants.put("v" + i + ".jpg", bytes(5_000, 100 + i));
        }
        atOnce(4, () -> files.putVariants("a6", variants)); // none fails on a name another took first
        variants.forEach((name, data) ->
                assertArrayEquals(data, files.variant("a6", name).orElseThrow(), name));
    }

    @Test
    void variantsAreStoredOnceEvenWhenAJobIsTakenUpAgain() {
        Map<String, byte[]> first = new LinkedHashMap<>();
        first.put("v1.jpg", bytes(1_000, 5));
        first.put("empty.webp", new byte[0]);
        files.putVariants("a4", first);
        Map<String, byte[]> again = new LinkedHashMap<>(first);
        again.put("v2.jpg", bytes(400_000, 6));
        files.putVariants("a4", again);

        assertArrayEquals(first.get("v1.jpg"), files.variant("a4", "v1.jpg").orElseThrow());
        assertArrayEquals(new byte[0], files.variant("a4", "empty.webp").orElseThrow());
        assertArrayEquals(again.get("v2.jpg"), files.variant("a4", "v2.jpg").orElseThrow());
        assertEquals(1, count("a4/v1.jpg"));
        assertEquals(1, count("a4/v2.jpg"));
        GridFSFile stored = bucket.find(eq("filename", "a4/v2.jpg")).first();
        assertEquals(400_000, stored.getLength());
        assertEquals("a4", stored.getMetadata().getString("assetId"));
        assertEquals("variant", stored.getMetadata().getString("kind"));

        files.deleteVariant("a4", "v2.jpg");
        assertTrue(files.variant("a4", "v2.jpg").isEmpty());
        assertTrue(files.variant("a4", "never-stored.jpg").isEmpty());
    }

    @Test
    void aDeletedVariantLeavesNeitherItsFilesEntryNorItsChunks() {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        variants.put("big.jpg", bytes(600_000, 8));
        variants.put("kept.jpg", bytes(100, 9));
        files.putVariants("a7", variants);
        ObjectId big = bucket.find(eq("filename", "a7/big.jpg")).first().getObjectId();
        assertEquals(3, chunksOf(big));

        files.deleteVariant("a7", "big.jpg");
        assertEquals(0, count("a7/big.jpg"));
        assertEquals(0, chunksOf(big));
        assertTrue(files.variant("a7", "big.jpg").isEmpty());
        assertArrayEquals(
                variants.get("kept.jpg"), files.variant("a7", "kept.jpg").orElseThrow());
        files.deleteVariant("a7", "big.jpg"); // again: nothing left, no error

        // one another GridFS client wrote, so without a name
        bucket.uploadFromStream("a7/other.jpg", new ByteArrayInputStream(bytes(300_000, 10)));
        ObjectId other = bucket.find(eq("filename", "a7/other.jpg")).first().getObjectId();
        files.deleteVariant("a7", "other.jpg");
        assertEquals(0, count("a7/other.jpg"));
        assertEquals(0, chunksOf(other));
    }

    /** Runs {@code task} on {@code times} threads at once; rethrows the first failure. */
    private static void atOnce(int times, Runnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                runs.add(pool.submit(task));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int count(String filename) {
        List<GridFSFile> found = new ArrayList<>();
        bucket.find(eq("filename", filename)).forEach(found::add);
        return found.size();
    }

    private static long chunksOf(ObjectId fileId) {
        return db.db().getCollection("asset_files.chunks").countDocuments(eq("files_id", fileId));
    }
}
