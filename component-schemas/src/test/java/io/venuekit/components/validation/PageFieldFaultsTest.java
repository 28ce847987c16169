package io.venuekit.components.validation;

import io.venuekit.components.ComponentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.venuekit.components.validation.PageValidatorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Page fields of the wrong type: the message a person can act on, and that they refuse the draft. */
class PageFieldFaultsTest {

    private static final PageValidator VALIDATOR = new PageValidator(ComponentRegistry.loadDefault());

    @Test
    void explainsAScheduleThatIsNoDateTime() {
        List<Violation> faults = VALIDATOR.validate(json("""
                {"slug": "double11-main", "title": "D11", "schedule": {"start": "yesterday", "end": 5}, "targeting": "all", "components": []}"""));
        assertEquals(List.of(
                new Violation("/schedule/end", null, null, "type",
                        "Schedule end must be an ISO-8601 date-time with a time zone, such as 2026-11-11T00:00:00+08:00, got the number 5"),
                new Violation("/schedule/start", null, null, "format",
                        "Schedule start must be an ISO-8601 date-time with a time zone, such as 2026-11-11T00:00:00+08:00, got \"yesterday\""),
                new Violation("/targeting", null, null, "type", "Page targeting must be an object, got the text \"all\"")), faults);
        assertTrue(faults.stream().allMatch(SaveRules::refusesDraft), "wrong-typed page fields refuse the draft: " + faults);
    }

    @Test
    void refusesDraftsWithUnstorableOrUnsafeValuesAndKeepsContentFaultsAsWarnings() {
        assertTrue(SaveRules.refusesDraft(new Violation("/components/0/props/x", "a", "spacer", "number-out-of-range", "")));
        assertTrue(SaveRules.refusesDraft(new Violation("/components/0/props/text", "a", "rich-text", "too-long", "")));
        assertTrue(SaveRules.refusesDraft(new Violation("/components/0/props/link/target", "a", "image", "unsafe-link", "")));
        assertTrue(SaveRules.refusesDraft(new Violation("/components/1/id", "a", "image", "duplicate-id", "")));
        assertTrue(SaveRules.refusesDraft(new Violation("/components/0/targeting/regions/0", "a", "image", "pattern", "")));
        assertTrue(SaveRules.refusesDraft(new Violation("/schedule/start", null, null, "format", "")));
        assertFalse(SaveRules.refusesDraft(new Violation("/schedule/end", null, null, "schedule-order", "")));
        assertFalse(SaveRules.refusesDraft(new Violation("/components/0/props/title", "a", "image", "maxLength", "")));
        assertFalse(SaveRules.refusesDraft(new Violation("/components/0/props", "a", "image", "required", "")));
        assertTrue(SaveRules.refusesDraft(new Violation("/components/0/props", "a", "image", "type", "")));
        assertFalse(SaveRules.refusesDraft(new Violation("/components/0/type", "a", "nope", "unknown-type", "")));
        assertFalse(SaveRules.refusesDraft(new Violation("/components/0/props/image/asset", "a", "image", "dangling-asset", "")));
    }
}
