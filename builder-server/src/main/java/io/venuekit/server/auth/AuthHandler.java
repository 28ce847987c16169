package io.venuekit.server.auth;

import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.CrossSiteGuard;
import io.venuekit.server.http.Requests;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Decides who calls {@code /api/*} and whether their role may. With tokens on, a request needs
 * {@code Authorization: Bearer <token>} or the builder's session cookie (whose state-changing
 * requests must echo the session's CSRF token); without them (the default, for a laptop or behind
 * a gateway that authenticates), the gateway's {@code X-Venuekit-User} names an operator, and a
 * browser's state-changing request must echo the CSRF cookie's token.
 * Merchants may only upload pictures and manage their own ({@code /api/assets}).
 */
public final class AuthHandler {

    public static final String USER = "venuekit.user";
    static final String SESSION = "venuekit.session";

    private final UserService users;
    private final SessionService sessions;
    private final FailedSignIns failures;

    /** @param users null when tokens are off (and then sessions and failures may be null too) */
    public AuthHandler(UserService users, SessionService sessions, FailedSignIns failures) {
        this.users = users;
        this.sessions = sessions;
        this.failures = failures;
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && !header.substring(7).isBlank()) {
            return header.substring(7).trim();
        }
        return null;
    }

    public void handle(RoutingContext ctx) {
        if (users == null) {
            if (CrossSiteGuard.changesState(ctx.request().method()) && CrossSiteGuard.fromBrowser(ctx.request())) {
                CsrfTokens.require(ctx, CsrfTokens.gatewayCookie(ctx));
            }
            ctx.put(USER, new User(Requests.gatewayUser(ctx), User.Role.OPERATOR));
            ctx.next();
            return;
        }
        String address = Requests.address(ctx);
        String token = bearer(ctx);
        if (token != null) {
            failures.check(address, null);
            Optional<User> user = users.byToken(token);
            if (user.isEmpty()) {
                failures.failed(address, null);
                throw new ApiException(
                        401, "bad-token", "That token belongs to no user; ask an operator for a new one.");
            }
            admit(ctx, user.get());
            return;
        }
        Cookie cookie = ctx.request().getCookie(SessionHandler.COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            throw new ApiException(
                    401,
                    "unauthenticated",
                    "This API needs a token: send Authorization: Bearer <token>,"
                            + " or sign in to the builder with it (an operator makes users and tokens with POST /api/users).");
        }
        failures.check(address, null);
        String id = cookie.getValue();
        if (sessions.knows(id)) {
            withSession(ctx, address, sessions.remembered(id));
        } else {
            Requests.blocking(ctx, () -> sessions.find(id))
                    .onSuccess(session -> {
                        try {
                            withSession(ctx, address, session);
                        } catch (RuntimeException e) {
                            ctx.fail(e);
                        }
                    })
                    .onFailure(ctx::fail);
        }
    }

    private void withSession(RoutingContext ctx, String address, Optional<Session> session) {
        if (session.isEmpty()) {
            failures.failed(address, null);
            throw new ApiException(
                    401, "session-ended", "Your sign-in has ended or was signed out; sign in again with your token.");
        }
        if (CrossSiteGuard.changesState(ctx.request().method())) {
            CsrfTokens.require(ctx, session.get().csrf());
        }
        ctx.put(SESSION, session.get());
        admit(ctx, session.get().user());
    }

    private static void admit(RoutingContext ctx, User user) {
        if (!user.isOperator()
                && !ctx.normalizedPath().startsWith("/api/assets")
                && !ctx.normalizedPath().equals("/api/session")) {
            throw new ApiException(
                    403,
                    "forbidden",
                    "A merchant may upload pictures and manage their own" + " (/api/assets); "
                            + ctx.request().method() + " " + ctx.normalizedPath() + " needs an operator.");
        }
        ctx.put(USER, user);
        ctx.next();
    }
}
