package io.venuekit.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.venuekit.server.http.InvalidRequests;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server on its own event loop. {@link VenuekitServer} deploys one per core on the same
 * port; Vert.x hands the connections round them, so serving scales with the cores.
 */
final class HttpVerticle extends VerticleBase {

    private final Services services;
    private final int port;
    private final AtomicInteger actualPort;

    HttpVerticle(Services services, int port, AtomicInteger actualPort) {
        this.services = services;
        this.port = port;
        this.actualPort = actualPort;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions()
                        .setCompressionSupported(true)
                        .setMaxHeaderSize(16 * 1024))
                .requestHandler(HttpRoutes.create(vertx, services))
                .invalidRequestHandler(InvalidRequests::handle)
                .listen(port)
                .onSuccess(server -> actualPort.set(server.actualPort()));
    }
}
