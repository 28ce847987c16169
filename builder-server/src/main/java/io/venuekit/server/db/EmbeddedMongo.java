package io.venuekit.server.db;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-protocol server in this process (mongo-java-server with its H2 file store), bound
 * to loopback, so the embedded default goes through the same driver and socket as a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final GuardedStore backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(GuardedStore backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /**
     * Opens (or creates) {@code dataDir/venuekit.mv} and listens on a free loopback port. A directory that
     * cannot take writes is reported now (the store refuses writes and says why) rather than by a lost write.
     */
    public static EmbeddedMongo start(Path dataDir, StoreProbe probe) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create DATA_DIR " + dataDir.toAbsolutePath(), e);
        }
        GuardedStore backend = new GuardedStore(dataDir.resolve("venuekit.mv").toString(), probe);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(backend, server, server.getLocalAddress());
    }

    /** The same on an H2 file name of the caller's (tests name a file system that fails on demand). */
    static EmbeddedMongo start(String h2File, StoreProbe probe) {
        GuardedStore backend = new GuardedStore(h2File, probe);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(backend, server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Whether the store takes writes, and why not. */
    public StoreState state() {
        return backend.state();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
