package io.venuekit.server;

import io.venuekit.server.db.Database;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires storage, services and routes, and runs the HTTP server. Tests start it the same way {@code main} does. */
public final class VenuekitServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VenuekitServer.class);

    private final Vertx vertx;
    private final Database database;
    private final Wiring wiring;
    private final Services services;
    private final int port;

    private VenuekitServer(Vertx vertx, Database database, Wiring wiring, Services services, int port) {
        this.vertx = vertx;
        this.database = database;
        this.wiring = wiring;
        this.services = services;
        this.port = port;
    }

    /** Starts everything and blocks until the server listens. */
    public static VenuekitServer start(ServerConfig config) throws Exception {
        Database database = Database.connect(config.mongoUri(), config.dataDir(), config.databaseName());
        Vertx vertx = Vertx.vertx();
        Wiring wiring = null;
        try {
            Clock clock = Clock.systemUTC();
            wiring = new Wiring(config, database, clock);
            Services services = wiring.services();
            wiring.ensureOperator();
            wiring.startJobs();
            if (config.warmUp()) {
                wiring.warmUpAssets();
            }
            if (config.seedSample()) {
                wiring.seedSample();
            }
            // (A random port, as tests ask for, cannot be shared: each server would pick its own.)
            int loops = config.port() == 0 ? 1 : config.httpEventLoops();
            AtomicInteger port = new AtomicInteger();
            vertx.deployVerticle(() -> new HttpVerticle(services, config.port(), port),
                    new DeploymentOptions().setInstances(loops)).await();
            // other instances publish and process assets too: look for what they did every few seconds
            vertx.setPeriodic(2_000, id -> vertx.executeBlocking(() -> {
                services.published().refresh();
                services.assets().refresh();
                if (services.users() != null) {
                    services.users().refresh();
                }
                return null;
            }, false).onFailure(e -> LOG.warn("could not refresh published pages: {}", e.getMessage())));
            LOG.info("Venuekit listening on http://localhost:{}/ (database: {})", port.get(),
                    database.isEmbedded() ? "embedded, files in " + config.dataDir().toAbsolutePath() : "MONGO_URI");
            return new VenuekitServer(vertx, database, wiring, services, port.get());
        } catch (Exception | Error e) {
            if (wiring != null) {
                wiring.close();
            }
            vertx.close();
            database.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public Services services() {
        return services;
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() {
        vertx.close().await();
        wiring.close();
        database.close();
    }
}
