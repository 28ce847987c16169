package io.venuekit.server.http;

import io.venuekit.server.auth.AuthHandler;
import io.venuekit.server.auth.User;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/** Small helpers every handler uses. */
public final class Requests {

    /** Who is acting, as told by the trusted gateway in front of the server (when tokens are off). */
    public static final String USER_HEADER = "X-Venuekit-User";

    private Requests() {}

    /** Who is acting: the user {@code AuthHandler} found, else the gateway's header. */
    public static String actor(RoutingContext ctx) {
        User user = ctx.get(AuthHandler.USER);
        return user != null ? user.name() : gatewayUser(ctx);
    }

    /** The user the gateway in front names, or {@code anonymous}. */
    public static String gatewayUser(RoutingContext ctx) {
        String user = ctx.request().getHeader(USER_HEADER);
        return user == null || user.isBlank() ? "anonymous" : user.trim();
    }

    /** The caller when a merchant (who may touch only their own assets), else null. */
    public static String merchant(RoutingContext ctx) {
        User user = ctx.get(AuthHandler.USER);
        return user != null && !user.isOperator() ? user.name() : null;
    }

    /** The caller's network address, for limits per address. */
    public static String address(RoutingContext ctx) {
        var remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    /** Runs blocking work (database, image processing) on a worker thread, never the event loop. */
    public static <T> Future<T> blocking(RoutingContext ctx, Callable<T> work) {
        return ctx.vertx().executeBlocking(work, false);
    }

    /** A version from {@code If-Match} ({@code "7"}, {@code W/"7"} or {@code 7}), or null. */
    public static Long ifMatchVersion(RoutingContext ctx) {
        String header = ctx.request().getHeader("If-Match");
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "bad-if-match",
                    "If-Match must carry the page version you edited, like If-Match: \"3\"; got " + header + ".");
        }
    }

    public static int intParam(RoutingContext ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw ApiException.badRequest(
                        "out-of-range", name + " must be between " + min + " and " + max + ", got " + n + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("not-a-number", name + " must be a whole number, got \"" + value + "\".");
        }
    }
}
