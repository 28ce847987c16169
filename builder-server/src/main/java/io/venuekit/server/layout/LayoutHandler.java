package io.venuekit.server.layout;

import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.device.TierResolver;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.InvalidCapabilitiesException;
import io.venuekit.renderer.InvalidCursorException;
import io.venuekit.renderer.PageNotLiveException;
import io.venuekit.renderer.RenderException;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.EntityTags;
import io.venuekit.server.http.Headers;
import io.venuekit.server.http.Requests;
import io.venuekit.server.layout.LayoutService.Ask;
import io.venuekit.server.layout.LayoutService.Served;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/venues/{slug}/layout} (the client contract) and {@code GET /venues/{slug}} (H5).
 * A cached layout is answered on the event loop without a copy; a miss renders on a worker.
 */
public final class LayoutHandler {

    /** Short, because a slug moves to a new snapshot on publish; stale copies are fine while revalidating. */
    static final String CACHE_CONTROL = "public, max-age=30, stale-while-revalidate=300, stale-if-error=86400";
    /**
     * While the database is unreachable: a copy that may be behind a publication made meanwhile, so
     * caches keep it briefly, and may keep serving it for a day should this server fail too.
     */
    static final String STALE_CACHE_CONTROL = "public, max-age=5, stale-if-error=86400";
    /** Says a response came from this instance's copy while the database was unreachable. */
    public static final String STALE_HEADER = "X-Venuekit-Stale";

    // Pre-encoded header names and values: this is the hottest path of the server.
    private static final CharSequence CACHE_CONTROL_VALUE = HttpHeaders.createOptimized(CACHE_CONTROL);
    /**
     * A render that met an image still processing is kept 2 s here; other caches must not keep it
     * longer than a few seconds either, nor serve it stale while revalidating.
     */
    static final String PROVISIONAL_CACHE_CONTROL = "public, max-age=2";

    private static final CharSequence PROVISIONAL_VALUE = HttpHeaders.createOptimized(PROVISIONAL_CACHE_CONTROL);
    /** The experiments' variants the user was assigned, {@code experiment=variant, ...}. */
    static final String VARIANTS_HEADER = "X-Venuekit-Variants";

    private static final CharSequence VARIANTS = HttpHeaders.createOptimized(VARIANTS_HEADER);
    private static final CharSequence PRIVATE_VALUE = HttpHeaders.createOptimized("private, max-age=30");
    private static final CharSequence STALE_VALUE = HttpHeaders.createOptimized(STALE_CACHE_CONTROL);
    private static final CharSequence STALE = HttpHeaders.createOptimized(STALE_HEADER);
    private static final CharSequence STALE_WHY = HttpHeaders.createOptimized("database-unreachable");
    /** The probe, as a file of this origin: venue pages allow no other script than their own countdown. */
    static final String PROBE_TAG = "<script src=\"/static/vk-probe.js\" defer></script>\n";

    private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    private static final CharSequence ACCEPT_CH = HttpHeaders.createOptimized("Accept-CH");
    private static final CharSequence ACCEPT_CH_VALUE = HttpHeaders.createOptimized(DeviceHeaders.ACCEPT_CH);
    private static final CharSequence CRITICAL_CH = HttpHeaders.createOptimized("Critical-CH");
    private static final CharSequence CRITICAL_CH_VALUE = HttpHeaders.createOptimized(DeviceHeaders.CRITICAL_CH);
    private static final CharSequence DEVICE_TIER = HttpHeaders.createOptimized("X-Device-Tier");
    private static final CharSequence DEVICE_REASONS = HttpHeaders.createOptimized("X-Device-Reasons");
    private static final CharSequence CONTENT_ENCODING = HttpHeaders.createOptimized("Content-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
    private static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");

    /** {@code X-Device-Tier} values, by tier and media tier. */
    private static final CharSequence[][] TIER_VALUES = new CharSequence[Tier.values().length][Tier.values().length];

    static {
        for (Tier tier : Tier.values()) {
            for (Tier media : Tier.values()) {
                TIER_VALUES[tier.ordinal()][media.ordinal()] =
                        HttpHeaders.createOptimized(tier.id() + "; media=" + media.id());
            }
        }
    }

    private final LayoutService layouts;
    private final Clock clock;
    private final String defaultRegion;
    private final java.util.function.BooleanSupplier stale;

    /** @param stale true while answers come from copies the database cannot confirm (it is unreachable) */
    public LayoutHandler(
            LayoutService layouts, Clock clock, String defaultRegion, java.util.function.BooleanSupplier stale) {
        this.layouts = layouts;
        this.clock = clock;
        this.defaultRegion = defaultRegion;
        this.stale = stale;
    }

    public void layout(RoutingContext ctx) {
        answer(ctx, false);
    }

    public void html(RoutingContext ctx) {
        answer(ctx, true);
    }

    private void answer(RoutingContext ctx, boolean asHtml) {
        Ask ask;
        DeviceProfile profile;
        Served hit;
        LayoutHeaders headers = LayoutHeaders.read(ctx.request().headers());
        try {
            var device = headers.deviceRequest(PreviewHandler.tier(ctx));
            profile = layouts.profile(device);
            ask = ask(ctx, headers, device, profile, asHtml);
            hit = layouts.cached(ask, profile);
        } catch (RenderException e) {
            throw translate(e);
        }
        io.venuekit.server.ops.RateLimiter.OverLimit overLimit = ctx.get(io.venuekit.server.ops.RateLimiter.OVER_LIMIT);
        if (overLimit != null && hit == null && !overLimit.mayRender()) {
            // past the layout-read limits what the cache holds is answered, and only a few renders a second
            throw io.venuekit.server.ops.RateLimiter.tooMany("layout-read", overLimit.retryAfter());
        }
        // An H5 page for a phone the server could only guess at carries the probe, once.
        boolean probe = asHtml && !headers.hasProbe() && TierResolver.wantsProbe(profile);
        if (stale.getAsBoolean()) {
            ctx.response().putHeader(STALE, STALE_WHY);
            ctx.put(STALE_HEADER, Boolean.TRUE);
        }
        if (hit != null) {
            send(ctx, headers, hit, asHtml, probe);
            return;
        }
        Requests.blocking(ctx, () -> layouts.serve(ask, profile))
                .onSuccess(served -> {
                    try {
                        send(ctx, headers, served, asHtml, probe);
                    } catch (RuntimeException e) {
                        ctx.fail(e);
                    }
                })
                .onFailure(e -> ctx.fail(e instanceof RenderException r ? translate(r) : e));
    }

    private Ask ask(
            RoutingContext ctx,
            LayoutHeaders headers,
            io.venuekit.device.DeviceRequest device,
            DeviceProfile profile,
            boolean asHtml) {
        HttpServerRequest request = ctx.request();
        ClientCapabilities caps = asHtml
                ? ClientCapabilities.DEFAULT.withAccept(headers.accept())
                : ClientCapabilities.parse(headers.capabilities()).withAccept(headers.accept());
        String audiences = headers.audiences();
        Set<String> audienceSet = audiences == null
                ? Set.of()
                : Arrays.stream(audiences.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
        String platform = headers.platform();
        if (platform == null) {
            // an app says its platform; otherwise a browser page is h5 and the User-Agent tells the OS
            platform = asHtml || "other".equals(profile.os()) ? "h5" : profile.os();
        }
        String region = headers.region();
        RenderRequest renderRequest = new RenderRequest(
                clock.instant(),
                region == null ? defaultRegion : region,
                platform,
                audienceSet,
                subject(headers.subject()));
        return new Ask(ctx.pathParam("slug"), device, caps, renderRequest, request.getParam("cursor"), asHtml);
    }

    /** An id of at most 128 characters; a longer or empty one is taken as none (the control variant). */
    private static String subject(String id) {
        return id == null || id.isBlank() || id.length() > 128 ? null : id.trim();
    }

    private void send(RoutingContext ctx, LayoutHeaders headers, Served served, boolean asHtml, boolean probe) {
        if (probe) {
            sendWithProbe(ctx, served);
            return;
        }
        HttpServerResponse response = ctx.response();
        DeviceProfile profile = served.profile();
        // A tier the probe's cookie decided is one shared caches must not hand to other phones.
        String vary = DeviceHeaders.vary(profile, asHtml);
        if (served.variants() != null) {
            // the bytes are one per combination of variants, which the user's id decides
            vary = vary + ", " + LayoutHeaders.SUBJECT_HEADER;
            response.putHeader(VARIANTS, Headers.printable(served.variants()));
        }
        response.putHeader(ETAG, served.rendered().etag())
                .putHeader(
                        HttpHeaders.CACHE_CONTROL,
                        headers.hasProbe()
                                ? PRIVATE_VALUE
                                : ctx.get(STALE_HEADER) != null
                                        ? STALE_VALUE
                                        : served.rendered().provisional()
                                                ? PROVISIONAL_VALUE
                                                : served.rendered().liveData()
                                                        ? layouts.liveCacheControl()
                                                        : CACHE_CONTROL_VALUE)
                .putHeader(HttpHeaders.VARY, headers.hasProbe() ? vary + ", Cookie" : vary)
                .putHeader(ACCEPT_CH, ACCEPT_CH_VALUE)
                .putHeader(
                        DEVICE_TIER,
                        TIER_VALUES[profile.tier().ordinal()][
                                profile.mediaTier().ordinal()])
                .putHeader(DEVICE_REASONS, Headers.printable(String.join(", ", profile.reasons())));
        if (asHtml) {
            response.putHeader(CRITICAL_CH, CRITICAL_CH_VALUE);
        }
        String ifNoneMatch = headers.ifNoneMatch();
        if (EntityTags.noneMatchHits(ifNoneMatch, served.rendered().etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, asHtml ? HTML : JSON);
        String encoding = headers.acceptEncoding();
        if (encoding != null && encoding.contains("gzip")) {
            response.putHeader(CONTENT_ENCODING, GZIP).end(served.rendered().gzip());
        } else {
            response.end(served.rendered().bytes());
        }
    }

    /**
     * The cached page with the probe's script tag added before {@code </body>}: private (the next
     * request of this phone carries the cookie and gets the shared copy), with an ETag of its own.
     */
    private static void sendWithProbe(RoutingContext ctx, Served served) {
        String page = served.rendered().bytes().toString(StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        String withProbe = end < 0 ? page : page.substring(0, end) + PROBE_TAG + page.substring(end);
        String etag = served.rendered().etag();
        ctx.response()
                .putHeader(ETAG, etag.substring(0, etag.length() - 1) + "-probe\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, PRIVATE_VALUE)
                .putHeader(HttpHeaders.VARY, DeviceHeaders.vary(served.profile(), true) + ", Cookie")
                .putHeader(
                        DEVICE_TIER,
                        TIER_VALUES[served.profile().tier().ordinal()][
                                served.profile().mediaTier().ordinal()])
                .putHeader(
                        DEVICE_REASONS,
                        Headers.printable(String.join(", ", served.profile().reasons())))
                .putHeader(HttpHeaders.CONTENT_TYPE, HTML)
                .end(withProbe);
    }

    static ApiException translate(RenderException e) {
        if (e instanceof PageNotLiveException notLive) {
            int status = notLive.reason() == PageNotLiveException.Reason.ENDED ? 410 : 404;
            return new ApiException(status, e.code(), e.getMessage());
        }
        if (e instanceof InvalidCursorException || e instanceof InvalidCapabilitiesException) {
            return new ApiException(400, e.code(), e.getMessage());
        }
        return new ApiException(422, e.code(), e.getMessage());
    }
}
