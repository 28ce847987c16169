package io.venuekit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.migration.PageSnapshot;
import io.venuekit.components.validation.PageValidator;
import io.venuekit.server.audit.AuditLog;
import io.venuekit.server.audit.MongoAuditLog;
import io.venuekit.server.db.Database;
import io.venuekit.server.page.DocumentValidator;
import io.venuekit.server.page.MongoPageRepository;
import io.venuekit.server.page.PageRepository;
import io.venuekit.server.page.PageService;
import io.venuekit.server.page.SchemaDocumentValidator;
import io.venuekit.server.sample.SampleVenueSeeder;

import java.time.Clock;

/** Builds the object graph once: repositories over the database, services over them. */
final class Wiring {

    private final ServerConfig config;
    private final Database database;
    private final PageRepository pageRepository;
    private final AuditLog audit;
    private final PageService pages;
    private final Clock clock;
    private final ComponentRegistry registry;

    Wiring(ServerConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.pageRepository = new MongoPageRepository(database.db());
        this.audit = new MongoAuditLog(database.db(), clock);
        this.registry = ComponentRegistry.loadDefault();
        DocumentValidator validator = new SchemaDocumentValidator(new PageValidator(registry), null);
        this.pages = new PageService(pageRepository, audit, validator, this::pin, snapshot -> { }, clock);
    }

    Services services() {
        return new Services(config, database, registry, pages);
    }

    /** What a snapshot stores: components upgraded to the current schemas, their versions pinned. */
    private ObjectNode pin(ObjectNode document) {
        PageSnapshot snapshot = PageSnapshot.of(registry, document);
        ObjectNode pinned = ((ObjectNode) snapshot.document()).deepCopy();
        ObjectNode versions = pinned.putObject("componentVersions");
        snapshot.componentVersions().forEach(versions::put);
        return pinned;
    }

    void seedSample() {
        new SampleVenueSeeder(pageRepository, pages, bytes -> "pending", clock).seedIfEmpty();
    }
}
