package io.venuekit.server.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.http.Json;
import io.venuekit.server.page.PageRepository;
import io.venuekit.server.page.PageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** On a first start (no pages at all), creates and publishes the Double 11 sample venue. */
public final class SampleVenueSeeder {

    static final String SAMPLE = "venuekit/samples/double11-main.json";
    private static final Logger LOG = LoggerFactory.getLogger(SampleVenueSeeder.class);

    private final PageRepository repository;
    private final PageService pages;

    public SampleVenueSeeder(PageRepository repository, PageService pages) {
        this.repository = repository;
        this.pages = pages;
    }

    public void seedIfEmpty() {
        if (!repository.list(1).isEmpty()) {
            return;
        }
        ObjectNode document = load();
        ObjectNode page = pages.create("venuekit-sample", document);
        pages.publish("venuekit-sample", page.path("id").asText(), null);
        LOG.info("Loaded the sample venue: /venues/{} (page {})", page.path("slug").asText(), page.path("id").asText());
    }

    static ObjectNode load() {
        try (InputStream in = SampleVenueSeeder.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the sample venue " + SAMPLE + " is not on the classpath");
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
