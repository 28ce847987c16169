package io.venuekit.server.auth;

import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides who calls {@code /api/*} and whether their role may. With tokens on, a request needs
 * {@code Authorization: Bearer <token>} (or the builder's session cookie); without them (the default, for a laptop or behind a
 * gateway that authenticates), the gateway's {@code X-Venuekit-User} names an operator.
 * Merchants may only upload pictures and manage their own ({@code /api/assets}).
 */
public final class AuthHandler {

    public static final String USER = "venuekit.user";

    private final UserService users;
    private final boolean tokens;

    /** @param users null when tokens are off */
    public AuthHandler(UserService users) {
        this.users = users;
        this.tokens = users != null;
    }

    /** The bearer token, else the builder's session cookie, else null. */
    private static String token(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
            return header.substring(7).trim();
        }
        var cookie = ctx.request().getCookie(SessionHandler.COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    public void handle(RoutingContext ctx) {
        if (!tokens) {
            ctx.put(USER, new User(Requests.gatewayUser(ctx), User.Role.OPERATOR));
            ctx.next();
            return;
        }
        String token = token(ctx);
        if (token == null) {
            throw new ApiException(401, "unauthenticated", "This API needs a token: send Authorization: Bearer <token>,"
                    + " or log in to the builder with it (an operator makes users and tokens with POST /api/users).");
        }
        User user = users.authenticate(token);
        if (!user.isOperator() && !ctx.normalizedPath().startsWith("/api/assets")) {
            throw new ApiException(403, "forbidden", "A merchant may upload pictures and manage their own"
                    + " (/api/assets); " + ctx.request().method() + " " + ctx.normalizedPath() + " needs an operator.");
        }
        ctx.put(USER, user);
        ctx.next();
    }
}
