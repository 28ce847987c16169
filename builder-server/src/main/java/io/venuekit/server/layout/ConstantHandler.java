package io.venuekit.server.layout;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /bench/constant?size=N} (only with {@code BENCH_ROUTES=true}): N bytes from a
 * constant, with the same headers a layout response carries (the same names, values of the same
 * length). The serving benchmark compares the layout route with it, so the difference is what
 * the layout route costs beyond HTTP itself: resolving the device and finding the cached bytes.
 */
public final class ConstantHandler {

    private static final String ETAG = "\"" + "0".repeat(22) + "\"";
    private static final String VARY = DeviceHeaders.vary(Set.of(), false);
    private static final String TIER = "low; media=low";
    private static final String REASONS = "ua:family=samsung-galaxy-j(*)";

    private final Map<Integer, Buffer> bodies = new ConcurrentHashMap<>();

    public void handle(RoutingContext ctx) {
        int size = Math.max(1, Math.min(1 << 20, Integer.parseInt(ctx.request().getParam("size", "4096"))));
        Buffer body = bodies.computeIfAbsent(size, n -> {
            byte[] bytes = new byte[n];
            Arrays.fill(bytes, (byte) ' ');
            bytes[0] = '{';
            bytes[n - 1] = '}';
            return Buffer.buffer(bytes);
        });
        ctx.response()
                .putHeader("ETag", ETAG)
                .putHeader(HttpHeaders.CACHE_CONTROL, LayoutHandler.CACHE_CONTROL)
                .putHeader(HttpHeaders.VARY, VARY)
                .putHeader("Accept-CH", DeviceHeaders.ACCEPT_CH)
                .putHeader("X-Device-Tier", TIER)
                .putHeader("X-Device-Reasons", REASONS)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(body);
    }
}
