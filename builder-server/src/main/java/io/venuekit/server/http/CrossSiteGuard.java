package io.venuekit.server.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses state-changing API requests that a browser sends on behalf of another site. Browsers
 * say where a request comes from ({@code Sec-Fetch-Site}, else {@code Origin}); only this
 * origin's own pages may change state. Apps and scripts send neither header and are let through:
 * they cannot be made to act by a web page, and authenticate themselves with a bearer token or
 * through the gateway.
 */
public final class CrossSiteGuard {

    private CrossSiteGuard() {}

    public static boolean changesState(HttpMethod method) {
        return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
    }

    /** True when a browser sent the request (it named where it came from). */
    public static boolean fromBrowser(HttpServerRequest request) {
        return request.getHeader("Sec-Fetch-Site") != null || request.getHeader("Origin") != null;
    }

    public static void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (changesState(request.method())) {
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null) {
                String s = site.trim().toLowerCase(Locale.ROOT);
                if (!s.equals("same-origin") && !s.equals("none")) {
                    throw refused("Sec-Fetch-Site: " + Headers.printable(site));
                }
            }
            String origin = request.getHeader("Origin");
            if (origin != null && !sameOrigin(origin, request)) {
                throw refused("Origin: " + Headers.printable(origin));
            }
        }
        ctx.next();
    }

    private static ApiException refused(String what) {
        return new ApiException(
                403,
                "cross-site-request",
                "This request came from another site's page (" + what
                        + "); the API changes nothing on behalf of other sites. Use the builder on this server, or call the API"
                        + " from an app or script with a token.");
    }

    /** The Origin's host and port are the ones the request was sent to. */
    static boolean sameOrigin(String origin, HttpServerRequest request) {
        var authority = request.authority();
        String host = authority == null
                ? request.getHeader("Host")
                : authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String expected = host.trim().toLowerCase(Locale.ROOT);
            String actual = uri.getHost().toLowerCase(Locale.ROOT);
            return expected.equals(actual + ":" + port) || (expected.equals(actual) && (port == 80 || port == 443));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
