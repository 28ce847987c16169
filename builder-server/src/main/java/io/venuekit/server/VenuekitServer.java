package io.venuekit.server;

import io.venuekit.server.db.Database;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires storage, services and routes, and runs the HTTP server. Tests start it the same way {@code main} does. */
public final class VenuekitServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VenuekitServer.class);

    private final Vertx vertx;
    private final Database database;
    private final Wiring wiring;
    private final Services services;
    private final int port;
    private String deployment;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** The local map (per Vert.x instance) where the routes read whether this server drains for a shutdown. */
    static final String LIFECYCLE = "venuekit.lifecycle";

    static final String RATE_LIMITER = "rateLimiter";
    static final String METRICS = "metrics";
    static final String ACCESS_LOG = "accessLog";

    private VenuekitServer(Vertx vertx, Database database, Wiring wiring, Services services, int port) {
        this.vertx = vertx;
        this.database = database;
        this.wiring = wiring;
        this.services = services;
        this.port = port;
    }

    /** Starts everything and blocks until the server listens. */
    public static VenuekitServer start(ServerConfig config) throws Exception {
        return start(config, Database.connect(config.mongoUri(), config.dataDir(), config.databaseName()));
    }

    /** The same over a database connected by the caller (tests connect one with faults to inject). */
    public static VenuekitServer start(ServerConfig config, Database database) throws Exception {
        return start(config, database, io.venuekit.server.ops.RateLimits.fromEnvironment(System.getenv()));
    }

    /** The same with the rate limits given (tests set low ones). */
    public static VenuekitServer start(ServerConfig config, Database database, io.venuekit.server.ops.RateLimits limits)
            throws Exception {
        io.venuekit.server.ops.Metrics metrics = new io.venuekit.server.ops.Metrics();
        Vertx vertx = Vertx.builder()
                .with(metrics.vertxOptions())
                .withMetrics(metrics.factory())
                .build();
        vertx.sharedData().getLocalMap(LIFECYCLE).put(METRICS, metrics);
        vertx.sharedData().getLocalMap(LIFECYCLE).put(ACCESS_LOG, new io.venuekit.server.ops.AccessLog());
        // one limiter for every event loop's router
        io.venuekit.server.ops.RateLimiter limiter = new io.venuekit.server.ops.RateLimiter(limits);
        vertx.sharedData().getLocalMap(LIFECYCLE).put(RATE_LIMITER, limiter);
        Wiring wiring = null;
        try {
            Clock clock = Clock.systemUTC();
            wiring = new Wiring(config, database, clock, new io.venuekit.server.ops.ModelTimes(metrics.registry()));
            Services services = wiring.services();
            bindMeters(metrics, wiring, database, limiter);
            Wiring w = wiring;
            database.ensure("the first operator", w::ensureOperator);
            // where the assets' variant changes stand, before anything is cached under their versions
            database.ensure("the assets' variant changes", services.assets()::refresh);
            wiring.startJobs();
            if (config.warmUp()) {
                wiring.warmUpAssets();
            }
            if (config.seedSample()) {
                database.ensure("the sample venue", w::seedSample);
            }
            // (A random port, as tests ask for, cannot be shared: each server would pick its own.)
            int loops = config.port() == 0 ? 1 : config.httpEventLoops();
            AtomicInteger port = new AtomicInteger();
            String deployment = vertx.deployVerticle(
                            () -> new HttpVerticle(services, config.port(), port),
                            new DeploymentOptions().setInstances(loops))
                    .await();
            // other instances publish and process assets too: look for what they did every few seconds
            vertx.setPeriodic(
                    2_000,
                    id -> vertx.executeBlocking(
                                    () -> {
                                        if (!database.reachable()) {
                                            return null; // nothing to learn; what is served stays as it is, marked
                                            // stale
                                        }
                                        services.published().refresh();
                                        services.published().saveLocal();
                                        services.assets().refresh();
                                        if (services.users() != null) {
                                            services.users().refresh();
                                        }
                                        return null;
                                    },
                                    false)
                            .onFailure(e -> LOG.warn("could not refresh published pages: {}", e.getMessage())));
            LOG.info(
                    "Venuekit listening on http://localhost:{}/ (database: {})",
                    port.get(),
                    database.isEmbedded()
                            ? "embedded, files in " + config.dataDir().toAbsolutePath()
                            : "MONGO_URI");
            VenuekitServer server = new VenuekitServer(vertx, database, wiring, services, port.get());
            server.deployment = deployment;
            return server;
        } catch (Exception | Error e) {
            if (wiring != null) {
                wiring.close();
            }
            vertx.close();
            database.close();
            throw e;
        }
    }

    private static void bindMeters(
            io.venuekit.server.ops.Metrics metrics,
            Wiring wiring,
            Database database,
            io.venuekit.server.ops.RateLimiter limiter) {
        metrics.bind(limiter);
        metrics.gauge(
                "venuekit.database.reachable",
                "1 while the driver reaches a server that takes writes",
                database,
                d -> d.reachable() ? 1 : 0);
        metrics.gauge(
                "venuekit.store.writable",
                "1 while writes are accepted and kept (the embedded store's directory, " + "or the database reachable)",
                database,
                d -> d.state().writable() ? 1 : 0);
        var cache = wiring.renderedCache();
        metrics.counter(
                "venuekit.layout.cache.hits",
                "layout answers from the rendered cache",
                cache,
                c -> c.stats().hitCount());
        metrics.counter(
                "venuekit.layout.renders",
                "layouts rendered (rendered-cache misses)",
                cache,
                c -> c.stats().missCount());
        metrics.gauge("venuekit.layout.cache.entries", "rendered layouts held", cache, c -> c.size());
        var jobs = wiring.jobs();
        metrics.gauge(
                "venuekit.asset.jobs.queued", "asset jobs waiting in this instance's queue", jobs, j -> j.queued());
        metrics.gauge("venuekit.asset.jobs.running", "asset jobs running", jobs, j -> j.running());
        io.micrometer.core.instrument.FunctionTimer.builder(
                        "venuekit.asset.jobs",
                        jobs,
                        j -> j.jobsRun(),
                        j -> j.jobNanos(),
                        java.util.concurrent.TimeUnit.NANOSECONDS)
                .description("asset jobs run and their time (decode, detect, crop, " + "encode, store)")
                .register(metrics.registry());
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

    /**
     * A graceful stop (SIGTERM): /health/ready answers 503 so balancers stop sending; the HTTP servers stop
     * accepting and let requests in flight finish; the warm-up stops and running asset jobs finish (queued
     * ones are left, {@code queued} in the database, to the next start); then everything closes.
     *
     * @return true when everything in flight finished within {@code grace}; false when something was cut
     *         short (a job still inside the pipeline, which the caller must not outlive by running exit hooks)
     */
    public boolean shutdown(java.time.Duration grace) {
        long start = System.nanoTime();
        long end = start + grace.toNanos();
        vertx.sharedData().getLocalMap(LIFECYCLE).put("draining", true);
        LOG.info(
                "shutting down: no new connections; finishing requests and asset jobs in flight (at most {} s)",
                grace.toSeconds());
        boolean httpDone = true;
        try {
            vertx.undeploy(deployment)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(Math.max(1, end - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            httpDone = false;
            LOG.warn("shutdown: requests still in flight after the grace period: {}", e.toString());
        }
        boolean drained = wiring.drain(java.time.Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        close();
        LOG.info(
                "stopped in {} ms{}",
                (System.nanoTime() - start) / 1_000_000,
                drained && httpDone ? "" : " (some work was cut short)");
        return drained;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Object access = vertx.sharedData().getLocalMap(LIFECYCLE).get(ACCESS_LOG);
        vertx.close().await();
        if (access instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // only a log writer
            }
        }
        wiring.close();
        database.close();
    }
}
