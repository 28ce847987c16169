package io.venuekit.server;

import io.venuekit.server.http.InvalidRequests;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server on its own event loop. {@link VenuekitServer} deploys one per core on the same
 * port; Vert.x hands the connections round them, so serving scales with the cores.
 */
final class HttpVerticle extends VerticleBase {

    private final Services services;
    private final int port;
    private final AtomicInteger actualPort;
    /** How long an undeploy (a shutdown) lets requests in flight finish after the server stops accepting. */
    static final long SHUTDOWN_GRACE_MS = 10_000;

    private io.vertx.core.http.HttpServer server;

    HttpVerticle(Services services, int port, AtomicInteger actualPort) {
        this.services = services;
        this.port = port;
        this.actualPort = actualPort;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(
                        new HttpServerOptions().setCompressionSupported(true).setMaxHeaderSize(16 * 1024))
                .requestHandler(HttpRoutes.create(vertx, services))
                .invalidRequestHandler(InvalidRequests::handle)
                .listen(port)
                .onSuccess(server -> {
                    this.server = server;
                    actualPort.set(server.actualPort());
                });
    }

    /** Stops accepting connections and lets the requests in flight finish (up to the grace period). */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
    }
}
