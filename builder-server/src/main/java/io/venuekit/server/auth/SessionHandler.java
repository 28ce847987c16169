package io.venuekit.server.auth;

import io.venuekit.server.http.Json;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/session} with {@code {"token": "…"}}: the builder's log-in. The token goes into
 * an HttpOnly, SameSite=Strict cookie, so the builder's preview frame (which cannot send an
 * {@code Authorization} header) is let in too, and no other site's page can use it.
 */
public final class SessionHandler {

    static final String COOKIE = "vk_token";

    private final UserService users;

    public SessionHandler(UserService users) {
        this.users = users;
    }

    public void create(RoutingContext ctx) {
        String token = Json.readObject(ctx).path("token").asText("").trim();
        User user = users.authenticate(token);
        ctx.response().addCookie(Cookie.cookie(COOKIE, token).setHttpOnly(true).setPath("/")
                .setSameSite(CookieSameSite.STRICT));
        Json.send(ctx, 200, Json.MAPPER.createObjectNode().put("name", user.name()).put("role", user.role().id()));
    }
}
