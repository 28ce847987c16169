package io.venuekit.server.db;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-protocol server over an H2 file, in its own process, for benchmarks that stop and start
 * "the database" under a running Venuekit ({@code bench/wrk/campaign-night.sh}):
 * {@code java -cp builder-server.jar io.venuekit.server.db.StandaloneMongo <port> <file>}.
 */
public final class StandaloneMongo {

    private StandaloneMongo() {}

    public static void main(String[] args) throws InterruptedException {
        H2Backend backend = new H2Backend(args[1]);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        Thread.currentThread().join();
    }
}
