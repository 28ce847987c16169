package io.venuekit.server.db;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's H2 store, which acknowledges a write only once it is on disk and refuses
 * writes it cannot keep.
 *
 * <ul>
 *   <li>Every write command is committed before its reply goes out; a commit that fails is answered
 *       as an error, not as a success (the driver's listeners, which committed before, cannot fail a
 *       call, so a failed commit used to be acknowledged and lost at the next restart).</li>
 *   <li>A failed commit leaves H2 closed (it "panics"); the store is opened again from its files, which
 *       hold only what was committed, so nothing half-written is ever read.</li>
 *   <li>While {@link StoreProbe} reports a problem (read-only or nearly full directory), writes are
 *       refused before they touch the store, and reads keep being answered. When the problem goes
 *       away, writes are accepted again: no restart.</li>
 * </ul>
 */
final class GuardedStore implements MongoBackend, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedStore.class);
    /** The commands that change the store (lower case: the driver spells {@code findAndModify} both ways). */
    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "createindexes",
            "drop",
            "dropindexes",
            "dropdatabase",
            "create",
            "renamecollection");
    /** MongoDB's IllegalOperation: not one the driver retries or takes for a primary stepping down. */
    static final int REFUSED_CODE = 20;

    static final String REFUSED_MARK = "venuekit-store-unwritable";
    /** After a failed commit, writes wait this long for the probe to say the directory is fine again. */
    private static final long HOLD_OFF_MS = 5_000;

    /** An H2 file name: a path, or one with a file system prefix (tests use one that fails on demand). */
    private final String file;

    private final StoreProbe probe;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final ScheduledExecutorService monitor;
    private volatile H2Backend backend;
    /** The store is open read-only (or empty, in memory) because it could not be opened for writing. */
    private volatile boolean degradedOpen;

    private volatile boolean broken;
    private volatile long failedAtMs;
    private volatile StoreState state = StoreState.healthy();

    GuardedStore(String file, StoreProbe probe) {
        this.file = file;
        this.probe = probe;
        String problem = probe.problem();
        open();
        if (problem != null) {
            setState(false, problem);
        } else if (degradedOpen) {
            setState(
                    false,
                    "the store " + file
                            + " could only be opened read-only; writes are refused until it can be written");
        }
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-probe");
            t.setDaemon(true);
            return t;
        });
        monitor.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    StoreState state() {
        return state;
    }

    /** Looks at the directory once: refuses writes when it cannot take them, accepts them again once it can. */
    void check() {
        try {
            String problem = probe.problem();
            if (problem != null) {
                if (state.writable() || !problem.equals(state.problem())) {
                    setState(false, problem);
                }
                return;
            }
            if (state.writable() || System.currentTimeMillis() - failedAtMs < HOLD_OFF_MS) {
                return;
            }
            if (broken || degradedOpen) {
                reopen();
            }
            if (!broken && !degradedOpen) {
                setState(true, null);
            }
        } catch (RuntimeException e) {
            LOG.warn("store check failed: {}", e.toString());
        }
    }

    private void setState(boolean writable, String problem) {
        StoreState before = state;
        state = new StoreState(!broken, writable, problem, Instant.now());
        if (!writable) {
            LOG.error("the store refuses writes (reads go on): {}", problem);
        } else if (!before.writable()) {
            LOG.info("the store takes writes again (it refused them since {})", before.since());
        }
    }

    private void open() {
        try {
            backend = new H2Backend(file);
            degradedOpen = false;
        } catch (RuntimeException e) {
            LOG.error("cannot open {} for writing ({}); opening it read-only", file, e.toString());
            try {
                backend = new H2Backend(
                        new MVStore.Builder().fileName(file).readOnly().open(), Clock.systemUTC());
            } catch (RuntimeException again) {
                LOG.error(
                        "cannot open {} at all ({}); serving an empty store that refuses writes",
                        file,
                        again.toString());
                backend = H2Backend.inMemory();
            }
            degradedOpen = true;
        }
        broken = false;
    }

    /** Opens the store again from its files: they hold what was committed, and nothing of a write that failed. */
    private void reopen() {
        swap.writeLock().lock();
        try {
            try {
                backend.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the failed store: {}", e.toString());
            }
            open();
            LOG.info("the store {} was opened again{}", file, degradedOpen ? " read-only" : "");
        } finally {
            swap.writeLock().unlock();
        }
    }

    private void refuseUnlessWritable() {
        StoreState now = state;
        if (!now.writable()) {
            throw refused(now.problem());
        }
    }

    private static MongoServerError refused(String why) {
        return new MongoServerError(REFUSED_CODE, REFUSED_MARK + ": nothing was saved: " + why);
    }

    /** Runs one command; a write is committed before its reply, or answered as an error. */
    private <T> T run(String command, java.util.function.Supplier<T> call) {
        boolean write = command != null && WRITES.contains(command.toLowerCase(Locale.ROOT));
        if (write) {
            refuseUnlessWritable();
        }
        RuntimeException failure = null;
        swap.readLock().lock();
        try {
            T reply = call.get();
            if (write) {
                backend.commit();
            }
            return reply;
        } catch (RuntimeException e) {
            failure = e;
            if (backend.getMvStore() != null && backend.getMvStore().isClosed()) {
                broken = true;
                failedAtMs = System.currentTimeMillis();
                throw refused("the store could not write to " + file + " (" + e.getMessage() + ")");
            }
            throw e;
        } finally {
            swap.readLock().unlock();
            if (failure != null && broken) {
                setState(
                        false,
                        "a write to " + file + " failed (" + failure.getMessage() + "); the store was opened again "
                                + "from what it had saved");
                reopen();
            }
        }
    }

    private static String commandOf(Document document) {
        return document == null || document.isEmpty()
                ? null
                : document.keySet().iterator().next();
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return run(commandOf(message.getDocument()), () -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return run(command, () -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return run(commandOf(query.getQuery()), () -> backend.handleQuery(query));
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        run("dropDatabase", () -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }

    /** Commits what is pending and closes the files. */
    @Override
    public void close() {
        monitor.shutdownNow();
        swap.writeLock().lock();
        try {
            backend.close();
        } finally {
            swap.writeLock().unlock();
        }
    }
}
