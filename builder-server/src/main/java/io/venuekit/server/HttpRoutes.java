package io.venuekit.server;

import io.venuekit.server.asset.AssetHandler;
import io.venuekit.server.asset.AssetRoutes;
import io.venuekit.server.asset.LiveUses;
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

/** The whole HTTP surface in one table; each line sends a route to a thin handler method. */
public final class HttpRoutes {

    static final long REQUEST_TIMEOUT_MS = 60_000;

    private HttpRoutes() {
    }

    public static Router create(Vertx vertx, Services services) {
        Router router = Router.router(vertx);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(services.config().maxBodyBytes());

        // Before anything can fail: nosniff on every answer, a content security policy on every page.
        router.route().handler(services.securityHeaders()::handle);
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
        LayoutHandler layouts = new LayoutHandler(services.layouts(), services.clock(), services.config().defaultRegion());
        router.get("/v1/venues/:slug/layout").handler(layouts::layout);
        router.get("/venues/:slug").handler(layouts::html);

        HealthHandler health = new HealthHandler(services.database());
        router.get("/health").handler(health::handle);

        // Who calls the API, and whether their role may; the builder signs in at /api/session.
        router.route("/api/*").handler(CrossSiteGuard::handle);
        SessionHandler session = new SessionHandler(services.users(), services.sessions(), services.failedSignIns(),
                services.config().maxUploadBytes());
        router.post("/api/session").handler(json).handler(session::create);
        router.route("/api/*").handler(new AuthHandler(services.users(), services.sessions(), services.failedSignIns())::handle);
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

        AssetRoutes.mount(router, new AssetHandler(services.assets(), services.config().maxUploadBytes(), LiveUses.of(services.pages())),
                services.config().maxUploadBytes(), services.config().dataDir().resolve("uploads"));

        PreviewHandler preview = new PreviewHandler(services.pages(), services.layouts(), services.pinner(),
                services.catalog(), services.html(), services.clock(), services.securityHeaders().previewPolicy());
        router.get("/api/pages/:id/preview").handler(preview::preview);
        router.post("/api/preview").handler(json).handler(preview::previewDocument);
        router.get("/v1/schema/layout.json").handler(ctx -> PreviewHandler.schema(ctx, services.layoutSchema()));

        router.get("/").handler(ctx -> ctx.redirect("/builder/"));
        router.get("/static/*").handler(StaticHandler.create("webroot/static").setMaxAgeSeconds(86_400));
        router.route("/builder/*").handler(StaticHandler.create("webroot/builder").setCachingEnabled(false));
        router.route("/library/*").handler(StaticHandler.create("webroot/library").setCachingEnabled(false));

        if (services.config().benchRoutes()) {
            router.get("/bench/constant").handler(new ConstantHandler()::handle);
        }

        router.route().failureHandler(ErrorResponder::handle);
        router.route().last().handler(ctx -> ctx.fail(404));
        return router;
    }
}
