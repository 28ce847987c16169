package io.venuekit.components.validation;

import io.venuekit.components.ComponentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.venuekit.components.validation.PageValidatorTest.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding 8: a focus box without area, or reaching past the image, makes no crop; it refuses the draft. */
class FocusFaultsTest {

    private static final PageValidator VALIDATOR = new PageValidator(ComponentRegistry.loadDefault());

    @Test
    void refusesAZeroSizeFocusBox() {
        List<Violation> faults = VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 0.2, "y": 0.2, "w": 0, "h": 0}}}}"""));
        assertEquals(List.of("/components/0/props/image/focus/h", "/components/0/props/image/focus/w"),
                faults.stream().map(Violation::pointer).toList(), faults.toString());
        assertTrue(faults.stream().allMatch(SaveRules::refusesDraft), faults.toString());
    }

    @Test
    void refusesAFocusBoxThatReachesPastTheImage() {
        List<Violation> faults = VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 0.7, "y": 0.1, "w": 0.6, "h": 0.5}}}}"""));
        assertEquals(List.of(new Violation("/components/0/props/image/focus", "pic", "image", "focus-outside",
                "Focus must lie inside the image: x + width is 1.3, more than 1")), faults);
        assertTrue(SaveRules.refusesDraft(faults.get(0)));
    }

    @Test
    void leavesAFocusBeyondADoubleToTheValueScan() {
        List<Violation> faults = VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 1e400, "y": 0, "w": 0.5, "h": 0.5}}}}"""));
        assertEquals(List.of("number-out-of-range"), faults.stream().map(Violation::code).toList(), faults.toString());
    }

    @Test
    void acceptsABoxThatEndsAtTheEdge() {
        assertEquals(List.of(), VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 0.25, "y": 0, "w": 0.75, "h": 1}}}}""")));
    }
}
