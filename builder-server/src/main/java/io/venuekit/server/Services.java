package io.venuekit.server;

import io.venuekit.components.ComponentRegistry;
import io.venuekit.server.db.Database;
import io.venuekit.server.page.PageService;

/** The long-lived objects the routes call, built once by {@link VenuekitServer}. */
public record Services(ServerConfig config, Database database, ComponentRegistry components, PageService pages) {
}
