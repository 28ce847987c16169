package io.venuekit.server;

import io.venuekit.server.audit.AuditLog;
import io.venuekit.server.audit.MongoAuditLog;
import io.venuekit.server.db.Database;
import io.venuekit.server.page.DocumentValidator;
import io.venuekit.server.page.MongoPageRepository;
import io.venuekit.server.page.PageRepository;
import io.venuekit.server.page.PageService;
import io.venuekit.server.sample.SampleVenueSeeder;

import java.time.Clock;
import java.util.List;

/** Builds the object graph once: repositories over the database, services over them. */
final class Wiring {

    private final ServerConfig config;
    private final Database database;
    private final PageRepository pageRepository;
    private final AuditLog audit;
    private final PageService pages;

    Wiring(ServerConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.pageRepository = new MongoPageRepository(database.db());
        this.audit = new MongoAuditLog(database.db(), clock);
        DocumentValidator validator = document -> new DocumentValidator.Result(List.of(), List.of());
        this.pages = new PageService(pageRepository, audit, validator, doc -> doc, snapshot -> { }, clock);
    }

    Services services() {
        return new Services(config, database, pages);
    }

    void seedSample() {
        new SampleVenueSeeder(pageRepository, pages).seedIfEmpty();
    }
}
