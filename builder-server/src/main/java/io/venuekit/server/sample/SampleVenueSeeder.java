package io.venuekit.server.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.venuekit.server.http.Json;
import io.venuekit.server.page.PageRepository;
import io.venuekit.server.page.PageService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a first start (no pages at all), uploads the sample pictures, then creates and publishes
 * the Double 11 sample venue with its {@code sample:<name>} references pointing at them.
 */
public final class SampleVenueSeeder {

    static final String SAMPLE = "venuekit/samples/double11-main.json";
    static final String PREFIX = "sample:";
    private static final String ACTOR = "venuekit-sample";
    private static final Logger LOG = LoggerFactory.getLogger(SampleVenueSeeder.class);

    private final PageRepository repository;
    private final PageService pages;
    private final Function<byte[], String> ingest;
    private final Clock clock;

    /** @param ingest stores an image and answers its asset id (processing may finish later) */
    public SampleVenueSeeder(
            PageRepository repository, PageService pages, Function<byte[], String> ingest, Clock clock) {
        this.repository = repository;
        this.pages = pages;
        this.ingest = ingest;
        this.clock = clock;
    }

    public void seedIfEmpty() {
        if (!repository.list(1).isEmpty()) {
            return;
        }
        ObjectNode document = load();
        Map<String, String> assetIds = new HashMap<>();
        SampleImages.generate().forEach((name, bytes) -> assetIds.put(PREFIX + name, ingest.apply(bytes)));
        replaceAssetIds(document, assetIds);
        moveToToday(document, clock.instant());
        ObjectNode page = pages.create(ACTOR, document);
        pages.publish(ACTOR, page.path("id").asText(), null);
        LOG.info(
                "Loaded the sample venue: /venues/{} (page {})",
                page.path("slug").asText(),
                page.path("id").asText());
    }

    /**
     * The file's campaign dates are fixed; a sample loaded today should be live today. Every
     * date in it (schedule, countdowns, coupon expiry) moves by the same whole number of days,
     * so the campaign starts today and its midnight sale is still midnight and still ahead;
     * the page then stays up for at least 30 days.
     */
    static void moveToToday(ObjectNode document, Instant now) {
        OffsetDateTime start =
                OffsetDateTime.parse(document.path("schedule").path("start").asText());
        long days = Math.max(0, Duration.between(start.toInstant(), now).toDays());
        shiftDates(document, days);
        ObjectNode schedule = (ObjectNode) document.get("schedule");
        Instant end = OffsetDateTime.parse(schedule.path("end").asText()).toInstant();
        if (end.isBefore(now.plus(Duration.ofDays(30)))) {
            schedule.put("end", now.plus(Duration.ofDays(30)).toString());
        }
    }

    private static void shiftDates(JsonNode node, long days) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (e.getValue().isTextual()) {
                    shifted(e.getValue().asText(), days).ifPresent(moved -> object.put(e.getKey(), moved));
                } else {
                    shiftDates(e.getValue(), days);
                }
            }
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> shiftDates(child, days));
        }
    }

    private static Optional<String> shifted(String text, long days) {
        if (text.length() < 20 || text.charAt(10) != 'T') {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    OffsetDateTime.parse(text).plusDays(days)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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

    private static void replaceAssetIds(JsonNode node, Map<String, String> ids) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode asset = object.get("asset");
            if (asset != null && asset.isTextual() && ids.containsKey(asset.asText())) {
                object.set("asset", TextNode.valueOf(ids.get(asset.asText())));
            }
            object.elements().forEachRemaining(child -> replaceAssetIds(child, ids));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> replaceAssetIds(child, ids));
        }
    }
}
