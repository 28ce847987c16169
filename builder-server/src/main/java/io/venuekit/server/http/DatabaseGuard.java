package io.venuekit.server.http;

import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * While the database is unreachable, answers the {@code /api} requests that need it with 503 at once,
 * instead of after the driver's wait for a server: held requests would take the worker threads that
 * render layouts from the local copies. What works from memory (previews of an unsaved document, the
 * palette, sessions already known, presence) goes on.
 */
public final class DatabaseGuard {

    private final BooleanSupplier reachable;

    public DatabaseGuard(BooleanSupplier reachable) {
        this.reachable = reachable;
    }

    public void handle(RoutingContext ctx) {
        if (reachable.getAsBoolean() || worksWithoutDatabase(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        ErrorResponder.send(ctx, ErrorResponder.storeUnavailable());
    }

    static boolean worksWithoutDatabase(String path) {
        return path.equals("/api/preview")
                || path.startsWith("/api/components")
                || path.equals("/api/session")
                || path.endsWith("/presence");
    }
}
