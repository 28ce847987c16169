package io.venuekit.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code /api/session}: the builder's sign-in. {@code POST {"token": …}} trades a user's API token
 * for a session: the cookie holds a random session id (the token itself never goes into a cookie),
 * HttpOnly, SameSite=Strict, Secure over HTTPS, ending after {@link SessionService#LIFETIME}; the
 * answer holds the CSRF token the page must echo. {@code GET} says who is signed in (and, behind a
 * gateway, hands out the CSRF token); {@code DELETE} signs out.
 */
public final class SessionHandler {

    static final String COOKIE = "vk_session";

    private final UserService users;
    private final SessionService sessions;
    private final FailedSignIns failures;
    private final long maxUploadBytes;

    /**
     * @param users          null when tokens are off
     * @param maxUploadBytes told to the page, so a browser can refuse an oversized file before sending it
     */
    public SessionHandler(UserService users, SessionService sessions, FailedSignIns failures, long maxUploadBytes) {
        this.users = users;
        this.sessions = sessions;
        this.failures = failures;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void create(RoutingContext ctx) {
        if (users == null) {
            throw tokensOff();
        }
        ObjectNode body = Json.readObject(ctx);
        String token =
                body.path("token").isTextual() ? body.path("token").asText().trim() : "";
        String name = body.path("name").isTextual() ? body.path("name").asText().trim() : null;
        String address = Requests.address(ctx);
        failures.check(address, name);
        Optional<User> user = token.isEmpty() ? Optional.empty() : users.byToken(token);
        if (user.isEmpty() || name != null && !name.equals(user.get().name())) {
            failures.failed(address, name);
            throw new ApiException(
                    401,
                    "bad-token",
                    "That token belongs to no user" + (name == null ? "" : " called \"" + name + "\"")
                            + "; ask an operator for a new one.");
        }
        Requests.blocking(ctx, () -> sessions.start(user.get()))
                .onSuccess(started -> {
                    ctx.response()
                            .addCookie(CsrfTokens.cookie(ctx, COOKIE, started.id())
                                    .setMaxAge(SessionService.LIFETIME.toSeconds()));
                    Json.send(
                            ctx,
                            200,
                            describe(started.session().user(), started.session().csrf())
                                    .put(
                                            "expiresAt",
                                            started.session().expiresAt().toString()));
                })
                .onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        User user = ctx.get(AuthHandler.USER);
        String csrf;
        if (users == null) {
            csrf = CsrfTokens.gatewayToken(ctx);
        } else {
            Session session = ctx.get(AuthHandler.SESSION);
            csrf = session == null ? null : session.csrf();
        }
        ctx.response().putHeader("Cache-Control", "no-store");
        Json.send(ctx, 200, describe(user, csrf));
    }

    public void delete(RoutingContext ctx) {
        if (users == null) {
            ctx.response().addCookie(expired(ctx, CsrfTokens.COOKIE));
            ctx.response().setStatusCode(204).end();
            return;
        }
        Cookie cookie = ctx.request().getCookie(COOKIE);
        String id = cookie == null ? null : cookie.getValue();
        Requests.blocking(ctx, () -> {
                    if (id != null) {
                        sessions.end(id);
                    }
                    return id;
                })
                .onSuccess(done -> {
                    ctx.response().addCookie(expired(ctx, COOKIE));
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(ctx::fail);
    }

    private static Cookie expired(RoutingContext ctx, String name) {
        return CsrfTokens.cookie(ctx, name, "").setMaxAge(0);
    }

    private ObjectNode describe(User user, String csrf) {
        ObjectNode body = Json.MAPPER
                .createObjectNode()
                .put("name", user.name())
                .put("role", user.role().id())
                .put("auth", users == null ? "gateway" : "tokens")
                .put("maxUploadBytes", maxUploadBytes);
        if (csrf != null) {
            body.put("csrf", csrf);
        }
        return body;
    }

    static ApiException tokensOff() {
        return new ApiException(
                404,
                "tokens-off",
                "This server runs with AUTH=gateway: the gateway in front says who"
                        + " calls, so there is no sign-in here.");
    }
}
