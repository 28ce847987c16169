package io.venuekit.server.db;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The MongoDB connection: to {@code MONGO_URI} when given, else to an {@link EmbeddedMongo}
 * started here. Either way the code above talks to it through the official driver.
 */
public final class Database implements AutoCloseable {

    /** Free space the embedded store keeps in reserve by default ({@code STORE_MIN_FREE_MB}). */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L * 1024 * 1024;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    /** Which Database a driver handle belongs to, so repositories given the handle can defer their setup to it. */
    private static final java.util.Map<MongoDatabase, Database> OWNERS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** How long a start waits for the database before deferring its setup (indexes, the first operator, the sample). */
    private static final long FIRST_CONTACT_MS = 2_000;

    private final MongoClient client;
    private final MongoDatabase db;
    private final java.util.concurrent.ScheduledExecutorService deferred =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "db-deferred-setup");
                t.setDaemon(true);
                return t;
            });
    private final EmbeddedMongo embedded;
    private final Reachability reachability;

    private Database(MongoClient client, MongoDatabase db, EmbeddedMongo embedded, Reachability reachability) {
        this.client = client;
        this.db = db;
        this.embedded = embedded;
        this.reachability = reachability;
    }

    public static Database connect(String mongoUri, Path dataDir, String databaseName) {
        return connect(mongoUri, dataDir, databaseName, StoreProbe.dataDir(dataDir, DEFAULT_MIN_FREE_BYTES));
    }

    /** @param probe tells the embedded store whether its directory takes writes (tests inject faults here) */
    public static Database connect(String mongoUri, Path dataDir, String databaseName, StoreProbe probe) {
        EmbeddedMongo embedded = mongoUri == null ? EmbeddedMongo.start(dataDir, probe) : null;
        String uri = embedded != null ? embedded.connectionString() : mongoUri;
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(embedded == null ? WriteConcern.MAJORITY.withJournal(true) : WriteConcern.ACKNOWLEDGED)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS))
                // the driver's own monitor notices a database that went away (or came back) within this
                .applyToServerSettings(b ->
                        b.heartbeatFrequency(1, TimeUnit.SECONDS).minHeartbeatFrequency(250, TimeUnit.MILLISECONDS));
        Reachability reachability = new Reachability();
        settings.applyToClusterSettings(b -> b.addClusterListener(reachability));
        MongoClient client = MongoClients.create(settings.build());
        Database database = new Database(client, client.getDatabase(databaseName), embedded, reachability);
        OWNERS.put(database.db, database);
        reachability.await(FIRST_CONTACT_MS);
        return database;
    }

    public MongoDatabase db() {
        return db;
    }

    /** The embedded server's address, for a second instance to share it; null when not embedded. */
    public String embeddedConnectionString() {
        return embedded == null ? null : embedded.connectionString();
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Round-trip time of a {@code ping} in milliseconds; throws when the database does not answer. */
    public double ping() {
        long start = System.nanoTime();
        db.runCommand(new Document("ping", 1));
        return (System.nanoTime() - start) / 1e6;
    }

    /** Follows the driver's view of the cluster: reachable once a server that takes writes is known. */
    private static final class Reachability implements ClusterListener {
        private volatile boolean reachable;
        private volatile String problem = "not connected yet";
        private volatile Instant since = Instant.now();
        private final java.util.concurrent.CountDownLatch firstContact = new java.util.concurrent.CountDownLatch(1);

        void await(long ms) {
            try {
                firstContact.await(ms, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
            boolean now = event.getNewDescription().hasWritableServer();
            if (now != reachable) {
                since = Instant.now();
                reachable = now;
                if (now) {
                    firstContact.countDown();
                    LOG.info("database reachable");
                } else {
                    Throwable error = event.getNewDescription().getSrvResolutionException();
                    for (var server : event.getNewDescription().getServerDescriptions()) {
                        if (server.getException() != null) {
                            error = server.getException();
                        }
                    }
                    problem = error == null ? "no server that takes writes" : error.getMessage();
                    LOG.warn("database unreachable: {}", problem);
                }
            }
        }
    }

    @Override
    public void close() {
        OWNERS.remove(db);
        deferred.shutdownNow();
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    /**
     * What this instance knows without asking: whether the driver reaches a server that takes writes
     * (from its heartbeats, every second), and whether the embedded store can keep them.
     */
    public StoreState state() {
        Reachability r = reachability;
        if (!r.reachable) {
            return new StoreState(false, false, r.problem, r.since);
        }
        StoreState store = embeddedStore();
        return store != null ? store : new StoreState(true, true, null, r.since);
    }

    /**
     * Runs setup that writes (indexes, a migration, the first operator): now when the database takes
     * writes, else in the background once it does, so that a server can start, and serve what it has,
     * while its database is away or read-only. Repositories built over a handle not made here run it now.
     */
    public static void ensure(MongoDatabase db, String what, Runnable task) {
        Database owner = OWNERS.get(db);
        if (owner == null) {
            task.run();
        } else {
            owner.ensure(what, task);
        }
    }

    /** Whether the database behind a driver handle made here is reachable; true for other handles. */
    public static boolean reachable(MongoDatabase db) {
        Database owner = OWNERS.get(db);
        return owner == null || owner.reachable();
    }

    /** See {@link #ensure(MongoDatabase, String, Runnable)}. */
    public void ensure(String what, Runnable task) {
        if (state().ok()) {
            try {
                task.run();
                return;
            } catch (RuntimeException e) {
                if (!unavailable(e)) {
                    throw e;
                }
            }
        }
        LOG.warn("{}: postponed until the database takes writes ({})", what, state().problem());
        deferred.schedule(() -> retry(what, task), 1, TimeUnit.SECONDS);
    }

    private void retry(String what, Runnable task) {
        try {
            if (state().ok()) {
                task.run();
                LOG.info("{}: done, now that the database takes writes", what);
                return;
            }
        } catch (RuntimeException e) {
            if (!unavailable(e)) {
                LOG.error("{} failed; not tried again", what, e);
                return;
            }
        }
        deferred.schedule(() -> retry(what, task), 1, TimeUnit.SECONDS);
    }

    /** Whether the driver currently reaches a server that takes writes. */
    public boolean reachable() {
        return reachability.reachable;
    }

    /** The embedded store's own state (its files); null for an external database. */
    public StoreState embeddedStore() {
        return embedded == null ? null : embedded.state();
    }

    /**
     * Whether a failure means the database could not be reached or could not keep a write (so the
     * request deserves 503 and a retry), rather than a fault in the request or the code.
     */
    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.mongodb.MongoTimeoutException
                    || t instanceof com.mongodb.MongoSocketException
                    || t instanceof com.mongodb.MongoNotPrimaryException
                    || t instanceof com.mongodb.MongoNodeIsRecoveringException
                    || t instanceof com.mongodb.MongoWriteConcernException
                    || t instanceof com.mongodb.MongoClientException
                            && t.getMessage() != null
                            && t.getMessage().contains("state should be: open")) {
                return true;
            }
            if (t instanceof com.mongodb.MongoException
                    && t.getMessage() != null
                    && t.getMessage().contains(GuardedStore.REFUSED_MARK)) {
                return true;
            }
        }
        return false;
    }
}
