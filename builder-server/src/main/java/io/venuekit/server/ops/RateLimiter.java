package io.venuekit.server.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.ErrorResponder;
import io.venuekit.server.http.Json;
import io.venuekit.server.ops.RateLimits.Rate;
import io.venuekit.server.ops.RateLimits.RouteClass;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Multi-level rate limits (global, per client address, per route class and per address within it),
 * checked first on every request; one instance is shared by every event loop. A refusal is 429 with
 * {@code Retry-After}. Past a layout-read limit the request goes on marked {@link #OVER_LIMIT}: the
 * layout handler answers it if its cache holds the layout and refuses it only when it would render,
 * so a crowd on one venue keeps being served from memory.
 */
public final class RateLimiter implements Shareable {

    /** Set on a layout read past its limits ({@link OverLimit}): answer from the cache, or refuse unless a render is allowed. */
    public static final String OVER_LIMIT = "venuekit.overLimit";
    /**
     * Renders allowed past the layout-read limits, for every client together: a publication changes every
     * cache key, and if nothing past the limit could render, a crowd over it would never see the new version.
     */
    private final Bucket rendersPastLimit;

    /** A layout read past its limits. */
    public record OverLimit(int retryAfter, RateLimiter limiter) {
        /** Whether this request may render what the cache lacks (a few per second for everyone over the limits). */
        public boolean mayRender() {
            return limiter.rendersPastLimit.take(System.nanoTime()) == 0;
        }
    }

    private final RateLimits limits;
    private final LongSupplier nanoTime;
    private final Bucket global;
    private final Map<RouteClass, Bucket> perClass = new EnumMap<>(RouteClass.class);
    private final Cache<String, Bucket> perAddress;
    private final Cache<String, Bucket> perClassAddress;
    private final Map<String, LongAdder> refusals = new java.util.concurrent.ConcurrentHashMap<>();

    public RateLimiter(RateLimits limits) {
        this(limits, System::nanoTime);
    }

    RateLimiter(RateLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.global = new Bucket(limits.global());
        this.rendersPastLimit = new Bucket(limits.rendersPastLimit());
        limits.routes().forEach((c, r) -> perClass.put(c, new Bucket(r.all())));
        // idle addresses are forgotten: a full bucket is what a new one starts with anyway
        this.perAddress = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(2))
                .maximumSize(200_000)
                .build();
        this.perClassAddress = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(2))
                .maximumSize(200_000)
                .build();
    }

    public static RouteClass classify(HttpMethod method, String path) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (read && (path.startsWith("/v1/venues/") || path.startsWith("/venues/"))) {
            return RouteClass.LAYOUT_READ;
        }
        if (!path.startsWith("/api/") || read || method == HttpMethod.OPTIONS) {
            return RouteClass.OTHER;
        }
        if (method == HttpMethod.POST && path.equals("/api/assets")) {
            return RouteClass.UPLOAD;
        }
        if (method == HttpMethod.POST && path.equals("/api/session")) {
            return RouteClass.SIGN_IN;
        }
        return RouteClass.BUILDER_WRITE;
    }

    /** Refusals so far, by level ({@code global}, {@code address}, {@code <class>}, {@code <class>/address}). */
    public Map<String, LongAdder> refusals() {
        return refusals;
    }

    public void handle(RoutingContext ctx) {
        RouteClass c = classify(ctx.request().method(), ctx.normalizedPath());
        String address = address(ctx);
        long now = nanoTime.getAsLong();
        String level = null;
        double wait = 0;
        for (Check check : List.of(
                new Check("global", global),
                new Check("address", perAddress.get(address, a -> new Bucket(limits.perAddress()))),
                new Check(c.id(), perClass.get(c)),
                new Check(
                        c.id() + "/address",
                        perClassAddress.get(
                                c.id() + "|" + address,
                                k -> new Bucket(limits.routes().get(c).perAddress()))))) {
            if (check.bucket == null) {
                continue;
            }
            double w = check.bucket.take(now);
            if (w > 0) {
                level = check.level;
                wait = w;
                break;
            }
        }
        if (level == null) {
            ctx.next();
            return;
        }
        refusals.computeIfAbsent(level, k -> new LongAdder()).increment();
        if (c == RouteClass.LAYOUT_READ) {
            ctx.put(OVER_LIMIT, new OverLimit(Math.max(1, (int) Math.ceil(wait)), this));
            ctx.next();
            return;
        }
        ErrorResponder.send(ctx, tooMany(level, Math.max(1, (int) Math.ceil(wait))));
    }

    public static ApiException tooMany(String level, int retryAfter) {
        return new ApiException(
                429,
                "rate-limited",
                "Too many requests (" + level + " limit). Send again in " + retryAfter + " second"
                        + (retryAfter == 1 ? "" : "s") + ".",
                List.of(),
                Json.MAPPER.createObjectNode().put("retryAfter", retryAfter));
    }

    private String address(RoutingContext ctx) {
        if (limits.forwardedFor()) {
            String forwarded = ctx.request().getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            }
        }
        var remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    private record Check(String level, Bucket bucket) {}

    /** A token bucket; {@link #take} returns 0 when a token was taken, else the seconds until one is there. */
    static final class Bucket {
        private final Rate rate;
        private double tokens;
        private long last = Long.MIN_VALUE;

        Bucket(Rate rate) {
            this.rate = rate;
            this.tokens = Math.max(1, rate.burst());
        }

        synchronized double take(long now) {
            if (rate.unlimited()) {
                return 0;
            }
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(Math.max(1, rate.burst()), tokens + (now - last) / 1e9 * rate.perSecond());
            }
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / rate.perSecond();
        }
    }
}
