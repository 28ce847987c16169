package io.venuekit.server.auth;

import io.venuekit.server.http.ApiException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The token a browser page of this server echoes in {@code X-CSRF-Token} on every state-changing
 * call. With a cookie session it is the session's own; behind a gateway (no session here) it is a
 * random value in an HttpOnly {@code vk_csrf} cookie that {@code GET /api/session} hands the page.
 */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    static final String COOKIE = "vk_csrf";

    private CsrfTokens() {}

    static void require(RoutingContext ctx, String expected) {
        String sent = ctx.request().getHeader(HEADER);
        if (expected == null
                || sent == null
                || !MessageDigest.isEqual(
                        sent.trim().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(
                    403,
                    "csrf-token",
                    "This change came from a browser without this page's " + HEADER
                            + " header; reload the builder (it gets the token from GET /api/session) and try again.");
        }
    }

    /** The gateway-mode token of this browser, made and set as a cookie when it has none. */
    static String gatewayToken(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (cookie != null
                && cookie.getValue().startsWith("vk_")
                && cookie.getValue().length() == 67) {
            return cookie.getValue();
        }
        String token = Tokens.fresh();
        ctx.response().addCookie(cookie(ctx, COOKIE, token).setMaxAge(SessionService.LIFETIME.toSeconds()));
        return token;
    }

    static String gatewayCookie(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** An HttpOnly, SameSite=Strict cookie for the whole site, Secure when the browser reached us over HTTPS. */
    static Cookie cookie(RoutingContext ctx, String name, String value) {
        String proto = ctx.request().getHeader("X-Forwarded-Proto");
        boolean https = ctx.request().isSSL() || "https".equalsIgnoreCase(proto == null ? null : proto.trim());
        return Cookie.cookie(name, value)
                .setHttpOnly(true)
                .setPath("/")
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(https);
    }
}
