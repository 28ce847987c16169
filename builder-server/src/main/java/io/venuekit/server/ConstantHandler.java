package io.venuekit.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /bench/constant?size=N} (only with {@code BENCH_ROUTES=true}): N bytes from a
 * constant, with the layout's headers. The serving benchmark compares the layout route with it
 * to measure what the layout route costs beyond HTTP itself.
 */
final class ConstantHandler {

    private final Map<Integer, Buffer> bodies = new ConcurrentHashMap<>();

    void handle(RoutingContext ctx) {
        int size = Math.max(1, Math.min(1 << 20, Integer.parseInt(ctx.request().getParam("size", "4096"))));
        Buffer body = bodies.computeIfAbsent(size, n -> {
            byte[] bytes = new byte[n];
            Arrays.fill(bytes, (byte) ' ');
            bytes[0] = '{';
            bytes[n - 1] = '}';
            return Buffer.buffer(bytes);
        });
        ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("ETag", "\"constant\"")
                .putHeader("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
                .putHeader("Vary", "Accept, User-Agent")
                .end(body);
    }
}
