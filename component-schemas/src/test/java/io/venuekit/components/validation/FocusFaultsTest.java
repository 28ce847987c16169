package io.venuekit.components.validation;

import static io.venuekit.components.validation.PageValidatorTest.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.components.ComponentRegistry;
import io.venuekit.faults.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding 8: a focus box without area, or reaching past the image, makes no crop; it refuses the draft. */
class FocusFaultsTest {

    private static final PageValidator VALIDATOR = new PageValidator(ComponentRegistry.loadDefault());

    @Test
    void refusesAZeroSizeFocusBox() {
        List<Fault> faults = VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 0.2, "y": 0.2, "w": 0, "h": 0}}}}"""));
        assertEquals(
                List.of("/components/0/props/image/focus/h", "/components/0/props/image/focus/w"),
                faults.stream().map(Fault::pointer).toList(),
                faults.toString());
        assertTrue(faults.stream().allMatch(f -> f.severity().blocksSave()), faults.toString());
    }

    @Test
    void refusesAFocusBoxThatReachesPastTheImage() {
        List<Fault> faults = VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 0.7, "y": 0.1, "w": 0.6, "h": 0.5}}}}"""));
        assertEquals(
                List.of(PageFaults.at(
                        "/components/0/props/image/focus",
                        "pic",
                        "image",
                        "focus-outside",
                        "Focus must lie inside the image: x + width is 1.3, more than 1")),
                faults);
        assertTrue(faults.get(0).severity().blocksSave());
    }

    @Test
    void leavesAFocusBeyondADoubleToTheValueScan() {
        List<Fault> faults = VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 1e400, "y": 0, "w": 0.5, "h": 0.5}}}}"""));
        assertEquals(
                List.of("number-out-of-range"), faults.stream().map(Fault::code).toList(), faults.toString());
    }

    @Test
    void acceptsABoxThatEndsAtTheEdge() {
        assertEquals(List.of(), VALIDATOR.validate(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 0.25, "y": 0, "w": 0.75, "h": 1}}}}""")));
    }
}
