package io.venuekit.components.validation;

import static io.venuekit.components.validation.PageValidatorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.components.ComponentRegistry;
import io.venuekit.faults.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page fields of the wrong type: the message a person can act on, and that they refuse the draft. */
class PageFieldFaultsTest {

    private static final PageValidator VALIDATOR = new PageValidator(ComponentRegistry.loadDefault());

    @Test
    void explainsAScheduleThatIsNoDateTime() {
        List<Fault> faults = VALIDATOR.validate(json("""
                {"slug": "double11-main", "title": "D11", "schedule": {"start": "yesterday", "end": 5}, "targeting": "all", "components": []}"""));
        assertEquals(
                List.of(
                        PageFaults.at(
                                        "/schedule/end",
                                        null,
                                        null,
                                        "type",
                                        "Schedule end must be an ISO-8601 date-time with a time zone, such as 2026-11-11T00:00:00+08:00, got the number 5")
                                .withValues("an ISO-8601 date-time with a time zone", "the number 5"),
                        PageFaults.at(
                                "/schedule/start",
                                null,
                                null,
                                "format",
                                "Schedule start must be an ISO-8601 date-time with a time zone, such as 2026-11-11T00:00:00+08:00, got \"yesterday\""),
                        PageFaults.at(
                                        "/targeting",
                                        null,
                                        null,
                                        "type",
                                        "Page targeting must be an object, got the text \"all\"")
                                .withValues("an object", "the text \"all\"")),
                faults);
        assertTrue(
                faults.stream().allMatch(f -> f.severity().blocksSave()),
                "wrong-typed page fields refuse the draft: " + faults);
    }

    @Test
    void refusesDraftsWithUnstorableOrUnsafeValuesAndKeepsContentFaultsAsWarnings() {
        assertTrue(PageFaults.at("/components/0/props/x", "a", "spacer", "number-out-of-range", "")
                .severity()
                .blocksSave());
        assertTrue(PageFaults.at("/components/0/props/text", "a", "rich-text", "too-long", "")
                .severity()
                .blocksSave());
        assertTrue(PageFaults.at("/components/0/props/link/target", "a", "image", "unsafe-link", "")
                .severity()
                .blocksSave());
        assertTrue(PageFaults.at("/components/1/id", "a", "image", "duplicate-id", "")
                .severity()
                .blocksSave());
        assertTrue(PageFaults.at("/components/0/targeting/regions/0", "a", "image", "pattern", "")
                .severity()
                .blocksSave());
        assertTrue(PageFaults.at("/schedule/start", null, null, "format", "")
                .severity()
                .blocksSave());
        assertFalse(PageFaults.at("/schedule/end", null, null, "schedule-order", "")
                .severity()
                .blocksSave());
        assertFalse(PageFaults.at("/components/0/props/title", "a", "image", "maxLength", "")
                .severity()
                .blocksSave());
        assertFalse(PageFaults.at("/components/0/props", "a", "image", "required", "")
                .severity()
                .blocksSave());
        assertTrue(PageFaults.at("/components/0/props", "a", "image", "type", "")
                .severity()
                .blocksSave());
        assertFalse(PageFaults.at("/components/0/type", "a", "nope", "unknown-type", "")
                .severity()
                .blocksSave());
        assertFalse(PageFaults.at("/components/0/props/image/asset", "a", "image", "dangling-asset", "")
                .severity()
                .blocksSave());
        // an experiment being assembled (new from the palette, a variant moved out) has too few children for a while
        assertFalse(PageFaults.at("/components/0/children", "a", "experiment", "variant-count", "")
                .severity()
                .blocksSave());
    }
}
