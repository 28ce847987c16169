package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layout schema generated from the component files types every prop: the sample venue's
 * payloads on every tier, every page, pass it; a payload with a wrong prop does not.
 */
class LayoutSchemaTest {

    private static final ComponentRegistry REGISTRY = GoldenLayoutTest.REGISTRY;
    private static final JsonSchema SCHEMA = LayoutSchemaCheck.compile(REGISTRY);
    private final LayoutRenderer renderer = new LayoutRenderer(REGISTRY);

    /** Every page of the sample venue on one tier, as a client following {@code next} gets them. */
    private List<JsonNode> samplePages(Tier tier) {
        ObjectNode s = SampleVenueTest.snapshot();
        RenderRequest request = SampleVenueTest.request(s);
        DeviceProfile profile = GoldenLayoutTest.profile(tier);
        List<JsonNode> pages = new ArrayList<>();
        Layout layout = renderer.render(s, profile, Pages.ALL_WEBP, new TestAssets(), request);
        pages.add(layout.payload());
        while (layout.next().isPresent()) {
            layout = renderer.page(
                    s,
                    profile,
                    Pages.ALL_WEBP,
                    new TestAssets(),
                    request,
                    layout.next().get());
            pages.add(layout.payload());
        }
        return pages;
    }

    @Test
    void theSampleVenueMatchesItOnEveryTierAndPage() {
        for (Tier tier : Tier.values()) {
            for (JsonNode page : samplePages(tier)) {
                Set<ValidationMessage> problems = SCHEMA.validate(page);
                assertTrue(problems.isEmpty(), tier + ": " + problems);
            }
        }
    }

    @Test
    void aWrongPropFailsIt() {
        JsonNode page = samplePages(Tier.HIGH).get(0);
        int hero = indexOf(page, "hero-banner");
        ObjectNode wrong = page.deepCopy();
        ((ObjectNode) wrong.at("/components/" + hero + "/props")).put("title", 42);
        assertFaultAt(wrong, "/components/" + hero + "/props/title");

        ObjectNode unknown = page.deepCopy();
        ((ObjectNode) unknown.at("/components/" + hero + "/props")).put("headline", "Sale");
        assertFaultAt(unknown, "/components/" + hero + "/props");

        ObjectNode badAction = page.deepCopy();
        ((ObjectNode) badAction.at("/components/" + hero + "/props"))
                .putObject("action")
                .put("type", "claim-coupon");
        assertFaultAt(badAction, "/components/" + hero + "/props/action");

        ObjectNode untracked = page.deepCopy();
        ((ObjectNode) untracked.at("/components/" + hero)).remove("tracking");
        assertFaultAt(untracked, "/components/" + hero);

        ObjectNode unknownType = page.deepCopy();
        ((ObjectNode) unknownType.at("/components/" + hero)).put("type", "hero-banner-2");
        assertFaultAt(unknownType, "/components/" + hero + "/type");
    }

    @Test
    void typesEveryRegisteredTypeFromItsFile() {
        JsonNode schema = LayoutSchema.generate(REGISTRY);
        List<String> listed = new ArrayList<>();
        schema.at("/$defs/component/properties/type/enum").forEach(t -> listed.add(t.asText()));
        for (ComponentSchema type : REGISTRY.all()) {
            if (type.type().equals(Experiments.TYPE)) {
                assertFalse(listed.contains(type.type()), "an experiment is never sent, its variant is");
                continue;
            }
            assertTrue(listed.contains(type.type()), type.type());
            JsonNode props = schema.at("/$defs/" + LayoutSchema.defName(type.type()));
            assertEquals(
                    type.props().path("properties").size(),
                    props.path("properties").size(),
                    type.type());
        }
        // an image prop arrives resolved or null, never as an asset reference
        assertEquals(
                "#/$defs/image",
                schema.at("/$defs/HeroBannerProps/properties/image/anyOf/0/$ref")
                        .asText());
        assertEquals(
                "#/$defs/payloadAction",
                schema.at("/$defs/CouponCardProps/properties/action/$ref").asText());
        assertFalse(schema.toString().contains("common.json"), "every reference is local");
    }

    private static int indexOf(JsonNode page, String type) {
        JsonNode components = page.get("components");
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).path("type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " on the page");
    }

    private static void assertFaultAt(JsonNode payload, String pointer) {
        Set<ValidationMessage> problems = SCHEMA.validate(payload);
        assertFalse(problems.isEmpty(), "accepted a payload broken at " + pointer);
        String jsonPath = "$" + pointer.replace("/", ".").replaceAll("\\.(\\d+)", "[$1]");
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.getInstanceLocation().toString().startsWith(jsonPath)),
                "no fault at " + jsonPath + ": " + problems);
    }
}
