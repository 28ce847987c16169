package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A snapshot's {@code schedule}: {@code start} inclusive, {@code end} exclusive, either optional. */
record Schedule(String slug, Instant start, Instant end) {

    static Schedule of(JsonNode snapshot) {
        JsonNode schedule = snapshot.path("schedule");
        return new Schedule(
                snapshot.path("slug").asText(""), instant(schedule.get("start")), instant(schedule.get("end")));
    }

    /** @throws PageNotLiveException when {@code now} is outside the schedule */
    void check(Instant now) {
        if (start != null && now.isBefore(start)) {
            throw PageNotLiveException.notStarted(slug, start, now);
        }
        if (end != null && !now.isBefore(end)) {
            throw PageNotLiveException.ended(slug, end, now);
        }
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            // the page validator rejects bad times at publish; a snapshot that still has one is shown, not hidden
            return null;
        }
    }
}
