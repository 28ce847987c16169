package io.venuekit.server.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SampleDatesTest {

    @Test
    void theSampleCampaignMovesToTodayKeepingItsTimeline() {
        Instant now = Instant.parse("2027-03-05T10:00:00Z");
        ObjectNode sample = SampleVenueSeeder.load();
        SampleVenueSeeder.moveToToday(sample, now);

        Instant start = Instant.parse(sample.at("/schedule/start").asText());
        assertTrue(!start.isAfter(now) && Duration.between(start, now).toDays() < 1, "starts today: " + start);
        assertTrue(!Instant.parse(sample.at("/schedule/end").asText()).isBefore(now.plus(Duration.ofDays(30))));

        OffsetDateTime countdown =
                OffsetDateTime.parse(sample.at("/components/2/props/target").asText());
        assertEquals("midnight-countdown", sample.at("/components/2/id").asText());
        assertTrue(countdown.toInstant().isAfter(now), "the midnight sale is still ahead: " + countdown);
        assertEquals(0, countdown.getHour(), "and still at midnight, in its own offset");
        assertEquals(8 * 3600, countdown.getOffset().getTotalSeconds());
        assertTrue(sample.toString().contains(":00:00+08:00\""), "seconds are kept, as RFC 3339 wants");
    }
}
