package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Generic guarantees over every real component type, whatever its file declares. */
class RealSchemasTest {

    private final LayoutRenderer renderer = new LayoutRenderer(GoldenLayoutTest.REGISTRY);

    /** A client that knows only the simplest types: each component is shown or its fate is recorded. */
    @TestFactory
    List<DynamicTest> neverDropsAComponentSilently() {
        ClientCapabilities basic = ClientCapabilities.parse("contract=1; types=image,rich-text,section,spacer");
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : GoldenLayoutTest.REGISTRY.types()) {
            tests.add(DynamicTest.dynamicTest(type, () -> {
                JsonNode payload = LayoutSchemaCheck.valid(renderer.render(
                                Pages.snapshot(GoldenLayoutTest.example(type, 0)),
                                GoldenLayoutTest.profile(Tier.HIGH),
                                basic,
                                new TestAssets(),
                                Pages.REQUEST))
                        .payload();
                if (payload.get("components").isEmpty()) {
                    JsonNode last = payload.get("substitutions")
                            .get(payload.get("substitutions").size() - 1);
                    assertEquals(type, last.get("id").asText());
                    assertTrue(last.get("to").isNull(), last.toString());
                } else {
                    String shown = payload.at("/components/0/type").asText();
                    assertTrue(basic.supports(shown), shown);
                    boolean recorded = false;
                    for (JsonNode sub : payload.get("substitutions")) {
                        recorded |= sub.get("id").asText().equals(type);
                    }
                    assertEquals(
                            !shown.equals(type),
                            recorded,
                            payload.get("substitutions").toString());
                }
            }));
        }
        return tests;
    }

    /** Reduced motion switches every declared motion prop off, on every tier, for every type. */
    @TestFactory
    List<DynamicTest> reducedMotionStopsAnimationOnEveryType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : GoldenLayoutTest.REGISTRY.types()) {
            for (Tier tier : Tier.values()) {
                tests.add(DynamicTest.dynamicTest(type + " on " + tier.id(), () -> {
                    DeviceProfile still = new DeviceProfile(
                            tier,
                            tier,
                            List.of("prefers-reduced-motion"),
                            "ios",
                            17,
                            null,
                            3.0,
                            390,
                            null,
                            false,
                            true,
                            Set.of());
                    JsonNode payload = renderer.render(
                                    Pages.snapshot(GoldenLayoutTest.example(type, 0)),
                                    still,
                                    Pages.ALL_WEBP,
                                    new TestAssets(),
                                    Pages.REQUEST)
                            .payload();
                    assertFalse(moves(payload.get("components")), payload.toString());
                }));
            }
        }
        return tests;
    }

    private static boolean moves(JsonNode components) {
        for (JsonNode c : components) {
            for (String name : ComponentRules.MOTION_PROPS) {
                if (c.path("props").path(name).asBoolean(false)) {
                    return true;
                }
            }
            if (moves(c.path("children"))) {
                return true;
            }
        }
        return false;
    }
}
