package io.venuekit.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rate limits, as data: the bundled {@code venuekit/rate-limits.json} or an operator's copy named by
 * {@code RATE_LIMITS}. Each level is a token bucket: a steady rate per second and a burst.
 *
 * @param global      every request this instance takes
 * @param perAddress  every request of one client address
 * @param routes      per route class: its own ceiling, and one per client address
 * @param forwardedFor take the client's address from {@code X-Forwarded-For} (a balancer in front that sets it)
 * @param rendersPastLimit layout renders allowed, for all clients together, to requests past the layout-read
 *                     limits: a publication changes every cache key, and a crowd over the limits must still
 *                     get the new version rendered
 */
public record RateLimits(
        Rate global, Rate perAddress, Map<RouteClass, ClassRates> routes, boolean forwardedFor, Rate rendersPastLimit) {

    /** A rate and a burst; a rate of 0 or less means no limit. */
    public record Rate(double perSecond, double burst) {
        boolean unlimited() {
            return perSecond <= 0;
        }
    }

    public record ClassRates(Rate all, Rate perAddress) {}

    /** What a request is, for its limits. */
    public enum RouteClass {
        LAYOUT_READ("layout-read"),
        BUILDER_WRITE("builder-write"),
        UPLOAD("upload"),
        SIGN_IN("sign-in"),
        OTHER("other");

        private final String id;

        RouteClass(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static RateLimits bundled() {
        try (InputStream in = RateLimits.class.getClassLoader().getResourceAsStream("venuekit/rate-limits.json")) {
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code RATE_LIMITS} when set, else the bundled limits. */
    public static RateLimits fromEnvironment(Map<String, String> env) {
        String file = env.get("RATE_LIMITS");
        if (file == null || file.isBlank()) {
            return bundled();
        }
        try {
            return parse(new ObjectMapper().readTree(Files.readAllBytes(Path.of(file))));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "RATE_LIMITS=" + file + " cannot be read as rate limits (" + e.getMessage()
                            + "); start from a copy of builder-server/src/main/resources/venuekit/rate-limits.json",
                    e);
        }
    }

    public static RateLimits parse(JsonNode root) {
        Map<RouteClass, ClassRates> routes = new LinkedHashMap<>();
        for (RouteClass c : RouteClass.values()) {
            JsonNode n = root.path("routes").path(c.id());
            routes.put(
                    c,
                    new ClassRates(
                            new Rate(
                                    n.path("perSecond").asDouble(0),
                                    n.path("burst").asDouble(0)),
                            new Rate(
                                    n.path("perAddressPerSecond").asDouble(0),
                                    n.path("perAddressBurst").asDouble(0))));
        }
        JsonNode renders = root.path("rendersPastLimit");
        return new RateLimits(
                rate(root.path("global")),
                rate(root.path("perAddress")),
                routes,
                "x-forwarded-for".equalsIgnoreCase(root.path("clientAddress").asText("remote")),
                renders.isMissingNode() ? new Rate(20, 20) : rate(renders));
    }

    private static Rate rate(JsonNode n) {
        return new Rate(n.path("perSecond").asDouble(0), n.path("burst").asDouble(0));
    }
}
