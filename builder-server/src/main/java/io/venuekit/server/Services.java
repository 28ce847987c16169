package io.venuekit.server;

import io.venuekit.components.ComponentRegistry;
import io.venuekit.renderer.Layout;
import io.venuekit.server.asset.AssetService;
import io.venuekit.server.auth.FailedSignIns;
import io.venuekit.server.auth.SessionService;
import io.venuekit.server.auth.UserService;
import io.venuekit.server.commerce.Commerce;
import io.venuekit.server.db.Database;
import io.venuekit.server.events.EventService;
import io.venuekit.server.http.SecurityHeaders;
import io.venuekit.server.layout.LayoutService;
import io.venuekit.server.layout.PublishedPages;
import io.venuekit.server.page.PageService;
import java.time.Clock;
import java.util.function.Function;

/** The long-lived objects the routes call, built once by {@link Wiring}. */
public record Services(
        ServerConfig config,
        Database database,
        ComponentRegistry components,
        PageService pages,
        PublishedPages published,
        LayoutService layouts,
        Function<Layout, byte[]> html,
        byte[] layoutSchema,
        Clock clock,
        AssetService assets,
        UserService users,
        SessionService sessions,
        FailedSignIns failedSignIns,
        SecurityHeaders securityHeaders,
        Commerce commerce,
        EventService events) {}
