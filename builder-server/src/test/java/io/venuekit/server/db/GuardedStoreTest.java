package io.venuekit.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.venuekit.server.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store acknowledges only durable writes, refuses what it cannot keep, and recovers by itself. */
class GuardedStoreTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void fileSystem() {
        FailingFileSystem.register();
    }

    @Test
    void aWriteTheDiskCannotTakeIsAnErrorNotAnAcknowledgementAndLeavesNothingBehind() throws Exception {
        String file = "failing:" + dir.resolve("venuekit.mv");
        AtomicReference<String> problem = new AtomicReference<>();
        EmbeddedMongo store = EmbeddedMongo.start(file, problem::get);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            docs.insertOne(new Document("_id", "kept"));

            FailingFileSystem.full = true;
            MongoException refused =
                    assertThrows(MongoException.class, () -> docs.insertOne(new Document("_id", "lost")));
            assertTrue(Database.unavailable(refused), refused.toString());
            assertFalse(store.state().writable());
            // reads go on, from what was saved; the refused write is nowhere
            assertNotNull(docs.find(new Document("_id", "kept")).first());
            assertNull(docs.find(new Document("_id", "lost")).first());
            assertThrows(MongoException.class, () -> docs.insertOne(new Document("_id", "while-full")));

            FailingFileSystem.full = false;
            waitFor(() -> store.state().writable(), Duration.ofSeconds(20));
            docs.insertOne(new Document("_id", "after"));
        } finally {
            FailingFileSystem.full = false;
            store.close();
        }
        EmbeddedMongo again = EmbeddedMongo.start(file, () -> null);
        try (MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            assertEquals(2, docs.countDocuments());
            assertNotNull(docs.find(new Document("_id", "after")).first());
            assertNull(docs.find(new Document("_id", "while-full")).first());
        } finally {
            again.close();
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsReportedAtStartAndWritesAreRefusedUntilItCan() throws Exception {
        AtomicReference<String> problem = new AtomicReference<>("DATA_DIR is read-only");
        EmbeddedMongo store = EmbeddedMongo.start(dir.resolve("v.mv").toString(), problem::get);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            assertFalse(store.state().writable());
            assertEquals("DATA_DIR is read-only", store.state().problem());
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            MongoException refused = assertThrows(MongoException.class, () -> docs.insertOne(new Document("_id", 1)));
            assertTrue(refused.getMessage().contains("DATA_DIR is read-only"), refused.getMessage());
            assertEquals(0, docs.countDocuments());
            problem.set(null);
            waitFor(() -> store.state().writable(), Duration.ofSeconds(20));
            docs.insertOne(new Document("_id", 1));
            assertEquals(1, docs.countDocuments());
        } finally {
            store.close();
        }
    }

    @Test
    void theDataDirectoryProbeSaysWhatIsWrong() {
        assertNull(StoreProbe.dataDir(dir, 0).problem());
        String full = StoreProbe.dataDir(dir, Long.MAX_VALUE).problem();
        assertTrue(full != null && full.contains("STORE_MIN_FREE_MB"), full);
        String missing = StoreProbe.dataDir(dir.resolve("no/such/dir"), 0).problem();
        assertTrue(missing != null && missing.contains("not writable"), missing);
    }

    static void waitFor(BooleanSupplier condition, Duration limit) {
        Eventually.until(limit, condition, "the condition");
    }
}
