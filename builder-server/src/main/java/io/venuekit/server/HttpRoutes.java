package io.venuekit.server;

import io.venuekit.server.asset.AssetHandler;
import io.venuekit.server.asset.LiveUses;
import io.venuekit.server.asset.UseCropHandler;
import io.venuekit.server.auth.AuthHandler;
import io.venuekit.server.auth.SessionHandler;
import io.venuekit.server.auth.UserHandler;
import io.venuekit.server.component.ComponentHandler;
import io.venuekit.server.http.CrossSiteGuard;
import io.venuekit.server.http.ErrorResponder;
import io.venuekit.server.layout.ConstantHandler;
import io.venuekit.server.layout.LayoutHandler;
import io.venuekit.server.layout.PreviewHandler;
import io.venuekit.server.page.PageHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.nio.file.Path;

/** The whole HTTP surface in one table; each line sends a route to a thin handler method. */
public final class HttpRoutes {

    static final long REQUEST_TIMEOUT_MS = 60_000;
    /** Room for the multipart envelope around a file of the largest accepted size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private HttpRoutes() {}

    public static Router create(Vertx vertx, Services services) {
        Router router = Router.router(vertx);
        BodyHandler json =
                BodyHandler.create(false).setBodyLimit(services.config().maxBodyBytes());

        // HEAD on every GET route: routed as the GET, whose body the HTTP server leaves out for a HEAD.
        router.route()
                .method(HttpMethod.HEAD)
                .handler(ctx -> ctx.reroute(HttpMethod.GET, ctx.request().uri()));
        // A request id and an access log line for every request (issue 16).
        Object accessLog =
                vertx.sharedData().getLocalMap(VenuekitServer.LIFECYCLE).get(VenuekitServer.ACCESS_LOG);
        if (accessLog instanceof io.venuekit.server.ops.AccessLog log) {
            router.route().handler(log::handle);
        }
        // Before anything can fail: nosniff on every answer, a content security policy on every page.
        router.route().handler(services.securityHeaders()::handle);
        // Rate limits at every level, before any work (issue 16); one limiter shared by every event loop.
        io.venuekit.server.ops.RateLimiter limiter = (io.venuekit.server.ops.RateLimiter)
                vertx.sharedData().getLocalMap(VenuekitServer.LIFECYCLE).get(VenuekitServer.RATE_LIMITER);
        if (limiter != null) {
            router.route().handler(limiter::handle);
        }
        // No request stays unanswered: a handler that never ends its response is answered 503 after this.
        // Uploads are left out: 25 MB over a slow phone link may take longer than that to arrive.
        TimeoutHandler timeout = TimeoutHandler.create(REQUEST_TIMEOUT_MS, 503);
        router.route().handler(ctx -> {
            if (ctx.request().method() == HttpMethod.POST && "/api/assets".equals(ctx.normalizedPath())) {
                ctx.next();
            } else {
                timeout.handle(ctx);
            }
        });

        // The phones' routes first: the router tries each route's pattern in order, and these take nearly all traffic.
        LayoutHandler layouts = new LayoutHandler(
                services.layouts(), services.clock(), services.config().defaultRegion(), services.published()::stale);
        router.get("/v1/venues/:slug/layout").handler(layouts::layout);
        router.get("/venues/:slug").handler(layouts::html);
        // What changes by the second beside the cacheable layout, claims, draws and events (issue 19).
        router.get("/v1/venues/:slug/live")
                .handler(new io.venuekit.server.commerce.LiveHandler(
                        services.commerce().live())::live);
        io.venuekit.server.commerce.ClaimHandler claims =
                new io.venuekit.server.commerce.ClaimHandler(services.commerce().claims());
        router.post("/v1/coupons/:id/claim").handler(claims::claim);
        router.post("/v1/lotteries/:id/draw").handler(claims::draw);
        io.venuekit.server.events.EventHandler events = new io.venuekit.server.events.EventHandler(services.events());
        router.post("/v1/events")
                .handler(BodyHandler.create(false).setBodyLimit(io.venuekit.server.events.EventBatch.MAX_BYTES))
                .handler(events::ingest);

        HealthHandler health = new HealthHandler(
                services.database(),
                () -> Boolean.TRUE.equals(
                        vertx.sharedData().getLocalMap(VenuekitServer.LIFECYCLE).get("draining")));
        router.get("/health").handler(health::handle);
        router.get("/health/live").handler(health::live);
        router.get("/health/ready").handler(health::ready);
        if (vertx.sharedData().getLocalMap(VenuekitServer.LIFECYCLE).get(VenuekitServer.METRICS)
                instanceof io.venuekit.server.ops.Metrics metrics) {
            router.get("/metrics").handler(metrics::scrape);
        }
        byte[] openApi = OpenApi.document();
        router.get("/openapi.json")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "public, max-age=300")
                        .end(io.vertx.core.buffer.Buffer.buffer(openApi)));

        // Who calls the API, and whether their role may; the builder signs in at /api/session.
        router.route("/api/*").handler(CrossSiteGuard::handle);
        SessionHandler session = new SessionHandler(
                services.users(),
                services.sessions(),
                services.failedSignIns(),
                services.config().maxUploadBytes());
        router.post("/api/session").handler(json).handler(session::create);
        router.route("/api/*")
                .handler(new AuthHandler(services.users(), services.sessions(), services.failedSignIns())::handle);
        // While the database is unreachable, what needs it answers 503 at once (issue 16).
        router.route("/api/*")
                .handler(new io.venuekit.server.http.DatabaseGuard(services.database()::reachable)::handle);
        router.get("/api/session").handler(session::get);
        router.delete("/api/session").handler(session::delete);
        if (services.users() != null) {
            UserHandler users = new UserHandler(services.users());
            router.post("/api/users").handler(json).handler(users::create);
            router.get("/api/users").handler(users::list);
        } else {
            router.route("/api/users").handler(UserHandler::tokensOff);
        }

        ComponentHandler components = new ComponentHandler(services.components());
        router.get("/api/components").handler(components::list);
        router.get("/api/components/:type").handler(components::get);

        PageHandler pages = new PageHandler(services.pages());
        router.post("/api/pages").handler(json).handler(pages::create);
        router.get("/api/pages").handler(pages::list);
        router.get("/api/pages/:id").handler(pages::get);
        router.put("/api/pages/:id").handler(json).handler(pages::update);
        router.delete("/api/pages/:id").handler(pages::delete);
        router.post("/api/pages/:id/publish").handler(json).handler(pages::publish);
        router.post("/api/pages/:id/restore").handler(pages::restore);
        router.get("/api/pages/:id/versions").handler(pages::versions);
        router.get("/api/pages/:id/versions/:number").handler(pages::version);
        router.post("/api/pages/:id/rollback").handler(json).handler(pages::rollback);
        router.get("/api/pages/:id/audit").handler(pages::audit);
        // Who else has a page open in the builder (issue 13).
        io.venuekit.server.builder.PresenceHandler presence = new io.venuekit.server.builder.PresenceHandler(
                new io.venuekit.server.builder.Presence(services.clock()));
        router.post("/api/pages/:id/presence").handler(json).handler(presence::beat);
        router.delete("/api/pages/:id/presence").handler(presence::leave);
        router.get("/api/pages/:id/events").handler(events::counts);

        // The built-in data sources' items, for operators (issue 19).
        io.venuekit.server.commerce.CatalogHandler catalogue = new io.venuekit.server.commerce.CatalogHandler(
                services.commerce().catalog());
        var products = catalogue.products();
        router.get("/api/products").handler(products::list);
        router.get("/api/products/:id").handler(products::get);
        router.put("/api/products/:id").handler(json).handler(products::put);
        router.delete("/api/products/:id").handler(products::delete);
        var coupons = catalogue.coupons();
        router.get("/api/coupons").handler(coupons::list);
        router.post("/api/coupons").handler(json).handler(coupons::create);
        router.get("/api/coupons/:id").handler(coupons::get);
        router.put("/api/coupons/:id").handler(json).handler(coupons::update);
        router.delete("/api/coupons/:id").handler(coupons::delete);
        var lotteries = catalogue.lotteries();
        router.get("/api/lotteries").handler(lotteries::list);
        router.post("/api/lotteries").handler(json).handler(lotteries::create);
        router.get("/api/lotteries/:id").handler(lotteries::get);
        router.put("/api/lotteries/:id").handler(json).handler(lotteries::replace);
        router.delete("/api/lotteries/:id").handler(lotteries::delete);

        assets(
                router,
                new AssetHandler(services.assets(), services.config().maxUploadBytes(), LiveUses.of(services.pages())),
                services.config().maxUploadBytes(),
                services.config().dataDir().resolve("uploads"));

        PreviewHandler preview = new PreviewHandler(
                services.layouts(), services.html(), services.securityHeaders().previewPolicy());
        router.get("/api/pages/:id/preview").handler(preview::preview);
        router.post("/api/preview").handler(json).handler(preview::previewDocument);
        router.get("/v1/schema/layout.json").handler(ctx -> PreviewHandler.schema(ctx, services.layoutSchema()));

        router.get("/").handler(ctx -> ctx.redirect("/builder/"));
        router.get("/static/*").handler(StaticHandler.create("webroot/static").setMaxAgeSeconds(86_400));
        router.route("/builder/*")
                .handler(StaticHandler.create("webroot/builder").setCachingEnabled(false));
        router.route("/library/*")
                .handler(StaticHandler.create("webroot/library").setCachingEnabled(false));

        if (services.config().benchRoutes()) {
            router.get("/bench/constant").handler(new ConstantHandler()::handle);
        }

        router.route().failureHandler(ErrorResponder::handle);
        router.route().last().handler(ctx -> ctx.fail(404));
        return router;
    }

    /**
     * The asset library's routes; public so the asset tests can put these same lines on a router
     * over their own asset service.
     *
     * @param maxUploadBytes the largest image accepted, in bytes (25 MB by default)
     * @param uploadsDir     where multipart uploads are spooled (deleted when the request ends)
     */
    public static void assets(Router router, AssetHandler handler, long maxUploadBytes, Path uploadsDir) {
        UseCropHandler crops = new UseCropHandler(handler.service());
        BodyHandler uploads = BodyHandler.create(uploadsDir.toString())
                .setBodyLimit(maxUploadBytes + MULTIPART_OVERHEAD)
                .setDeleteUploadedFilesOnEnd(true);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(16 * 1024);

        router.post("/api/assets").handler(uploads).handler(handler::upload).failureHandler(handler::uploadFailed);
        router.get("/api/assets").handler(handler::list);
        router.get("/api/assets/:id").handler(handler::get);
        router.put("/api/assets/:id/focus").handler(json).handler(handler::focus);
        router.delete("/api/assets/:id/focus").handler(handler::clearFocus);
        router.get("/api/assets/:id/crops/:shape").handler(crops::crop);
        router.get("/api/assets/:id/uses").handler(handler::uses);
        router.post("/api/assets/:id/retry").handler(handler::retry);
        router.get("/assets/:id/:variant").handler(handler::variant);
        router.head("/assets/:id/:variant").handler(handler::variant);
    }
}
