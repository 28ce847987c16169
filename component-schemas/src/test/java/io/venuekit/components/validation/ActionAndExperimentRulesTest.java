package io.venuekit.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.components.ComponentRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk's checks of actions and experiments, each fault at its JSON pointer. */
class ActionAndExperimentRulesTest {

    private static final PageValidator VALIDATOR = new PageValidator(ComponentRegistry.loadDefault());

    private static List<String> faults(String components) {
        return VALIDATOR.validate(PageValidatorTest.page(components)).stream()
                .map(v -> v.pointer() + " " + v.code())
                .toList();
    }

    @Test
    void anActionWithoutAnIdNeedsTheComponentsOwnBinding() {
        assertEquals(List.of(), faults("""
                {"id": "c", "type": "coupon-card", "props": {"poolId": "pool-1", "amount": {"cents": 100}, "action": {"type": "claim-coupon"}}}"""));
        assertEquals(List.of("/components/0/props/action/couponId action-needs-id"), faults("""
                {"id": "h", "type": "image", "props": {"image": {"asset": "a1"}, "action": {"type": "claim-coupon"}}}"""));
        assertEquals(List.of(), faults("""
                {"id": "h", "type": "image", "props": {"image": {"asset": "a1"}, "action": {"type": "claim-coupon", "couponId": "pool-1"}}}"""));
    }

    @Test
    void anActionsAnchorMustBeOnThePage() {
        assertEquals(List.of("/components/0/props/action/anchor dangling-anchor"), faults("""
                {"id": "h", "type": "image", "props": {"image": {"asset": "a1"}, "action": {"type": "scroll-to", "anchor": "nowhere"}}}"""));
    }

    @Test
    void anExperimentsSharesNamesAndChildrenAreChecked() {
        List<String> found = faults("""
                {"id": "x", "type": "experiment", "props": {"variants": [{"name": "a", "share": 60}, {"name": "a", "share": 30}]},
                 "children": [{"id": "s1", "type": "spacer", "props": {}}, {"id": "s2", "type": "spacer", "props": {}},
                              {"id": "s3", "type": "spacer", "props": {}}]}""");
        assertTrue(found.contains("/components/0/props/variants/1/name duplicate-variant"), found.toString());
        assertTrue(found.contains("/components/0/props/variants shares-not-100"), found.toString());
        assertTrue(found.contains("/components/0/children variant-count"), found.toString());
    }
}
