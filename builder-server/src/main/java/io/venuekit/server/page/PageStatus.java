package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Where a page stands for the page list: never published, or its live snapshot before, within or after its schedule. */
enum PageStatus {
    DRAFT,
    SCHEDULED,
    LIVE,
    ENDED;

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static PageStatus of(JsonNode page, Instant now) {
        if (!page.has("publishedVersion")) {
            return DRAFT;
        }
        JsonNode schedule = page.path("liveSchedule");
        Instant start = instant(schedule.path("start"));
        Instant end = instant(schedule.path("end"));
        if (end != null && !now.isBefore(end)) {
            return ENDED;
        }
        if (start != null && now.isBefore(start)) {
            return SCHEDULED;
        }
        return LIVE;
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
