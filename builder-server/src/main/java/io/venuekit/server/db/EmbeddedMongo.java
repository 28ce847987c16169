package io.venuekit.server.db;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

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

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /** Opens (or creates) {@code dataDir/venuekit.mv} and listens on a free loopback port. */
    public static EmbeddedMongo start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create DATA_DIR " + dataDir.toAbsolutePath(), e);
        }
        H2Backend backend = new H2Backend(dataDir.resolve("venuekit.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(backend, server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /**
     * Makes every acknowledged write durable: H2 only keeps what it has committed, and its own
     * background commit runs up to a second later, which a crash or restart would lose.
     */
    public void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
