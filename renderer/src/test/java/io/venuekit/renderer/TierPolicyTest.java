package io.venuekit.renderer;

import static io.venuekit.renderer.Pages.ALL_WEBP;
import static io.venuekit.renderer.Pages.REQUEST;
import static io.venuekit.renderer.Pages.component;
import static io.venuekit.renderer.Pages.profile;
import static io.venuekit.renderer.Pages.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import org.junit.jupiter.api.Test;

/** Each kind of declared tier policy, on the made-up types of {@link TestRegistry}. */
class TierPolicyTest {

    private final LayoutRenderer renderer = new LayoutRenderer(TestRegistry.load());

    private JsonNode render(JsonNode snapshot, DeviceProfile profile) {
        return LayoutSchemaCheck.valid(renderer.render(snapshot, profile, ALL_WEBP, new TestAssets(), REQUEST))
                .payload();
    }

    private static final String VIDEO =
            "{\"src\": \"https://v/1.mp4\", \"poster\": {\"asset\": \"a1\", \"alt\": \"Poster\"}, \"caption\": \"Film\"}";

    @Test
    void fillsDefaultsAndKeepsPropsOnHighTier() {
        JsonNode c = render(snapshot(component("v", "promo-video", VIDEO)), profile(Tier.HIGH))
                .get("components")
                .get(0);
        assertEquals("promo-video", c.get("type").asText());
        assertTrue(c.at("/props/autoplay").asBoolean());
        assertTrue(c.at("/props/loop").asBoolean());
        assertEquals("https://v/1.mp4", c.at("/props/src").asText());
    }

    @Test
    void mergesTierPropOverridesOverProps() {
        JsonNode c = render(snapshot(component("v", "promo-video", VIDEO)), profile(Tier.MID))
                .get("components")
                .get(0);
        assertFalse(c.at("/props/autoplay").asBoolean());
        assertTrue(c.at("/props/loop").asBoolean(), "only the declared override changes");
    }

    @Test
    void replacesWithDeclaredTypeMappingPropsByPointerAndRecordsIt() {
        JsonNode payload = render(snapshot(component("v", "promo-video", VIDEO)), profile(Tier.LOW));
        JsonNode c = payload.get("components").get(0);
        assertEquals("promo-image", c.get("type").asText());
        assertEquals("Film", c.at("/props/caption").asText());
        assertTrue(c.at("/props/rounded").asBoolean(), "fixed props win over the replacement's defaults");
        assertTrue(c.at("/props/image/url").asText().contains("/16x9/"));
        assertFalse(c.get("props").has("src"), "props not mapped are not carried over");
        JsonNode s = payload.get("substitutions").get(0);
        assertEquals("v", s.get("id").asText());
        assertEquals("promo-video", s.get("from").asText());
        assertEquals("promo-image", s.get("to").asText());
    }

    @Test
    void capsChildrenPerTier() {
        JsonNode gallery =
                component("g", "promo-gallery", "{}", image("i1"), image("i2"), image("i3"), image("i4"), image("i5"));
        assertEquals(
                2,
                render(snapshot(gallery), profile(Tier.LOW))
                        .at("/components/0/children")
                        .size());
        assertEquals(
                4,
                render(snapshot(gallery), profile(Tier.MID))
                        .at("/components/0/children")
                        .size());
        JsonNode high = render(snapshot(gallery), profile(Tier.HIGH)).at("/components/0/children");
        assertEquals(5, high.size());
        assertEquals("i5", high.get(4).get("id").asText());
    }

    @Test
    void dropsAndSaysSo() {
        JsonNode payload = render(
                snapshot(component("s", "promo-sparkle", "{\"title\": \"Wow\"}"), image("i1")), profile(Tier.LOW));
        assertEquals(1, payload.get("components").size());
        assertEquals("i1", payload.at("/components/0/id").asText());
        assertEquals("s", payload.at("/substitutions/0/id").asText());
        assertTrue(payload.at("/substitutions/0/to").isNull());
        assertEquals(
                "tier low drops promo-sparkle",
                payload.at("/substitutions/0/reason").asText());
    }

    @Test
    void reducedMotionAppliesTheDeclaredMotionPropsOnEveryTier() {
        for (Tier tier : new Tier[] {Tier.HIGH, Tier.MID}) {
            JsonNode c = render(
                            snapshot(component("v", "promo-video", VIDEO)), Pages.profile(tier, tier, 3.0, 390, true))
                    .at("/components/0");
            assertFalse(c.at("/props/autoplay").asBoolean(), tier.id());
            assertFalse(c.at("/props/loop").asBoolean(), tier.id());
        }
        JsonNode moving = render(
                snapshot(component("v", "promo-video", VIDEO)), Pages.profile(Tier.HIGH, Tier.HIGH, 3.0, 390, false));
        assertTrue(moving.at("/components/0/props/loop").asBoolean());
    }

    @Test
    void stopsAReplacementLoopAndRecordsIt() {
        JsonNode payload = render(snapshot(component("x", "promo-loop-a", "{}")), profile(Tier.LOW));
        assertEquals(0, payload.get("components").size());
        assertTrue(payload.at("/substitutions/2/reason").asText().startsWith("replacements loop"), payload.toString());
    }

    @Test
    void splitsWidthAmongColumnsForChildImages() {
        JsonNode one = render(
                snapshot(component("b", "promo-box", "{\"columns\": 1}", image("i1"))),
                Pages.profile(Tier.HIGH, Tier.HIGH, 2.0, 360, false));
        JsonNode three = render(
                snapshot(component("b", "promo-box", "{\"columns\": 3}", image("i1"))),
                Pages.profile(Tier.HIGH, Tier.HIGH, 2.0, 360, false));
        assertEquals(720, one.at("/components/0/children/0/props/image/w").asInt(), "360 css px at 2x");
        assertEquals(240, three.at("/components/0/children/0/props/image/w").asInt(), "a third of it");
    }

    @Test
    void keepsAComponentWhoseAssetIsMissingWithANullImageAndAWarning() {
        JsonNode payload = render(
                snapshot(component("m", "promo-image", "{\"image\": {\"asset\": \"missing-1\"}, \"caption\": \"x\"}")),
                profile(Tier.HIGH));
        assertTrue(payload.at("/components/0/props/image").isNull());
        assertEquals("x", payload.at("/components/0/props/caption").asText());
        assertEquals("m", payload.at("/warnings/0/id").asText());
        assertEquals("/props/image", payload.at("/warnings/0/pointer").asText());
        assertTrue(payload.at("/warnings/0/reason").asText().contains("missing-1"));
    }

    @Test
    void resolvesImagesInsideArraysAtTheirDeclaredShareOfTheWidth() {
        JsonNode payload = render(
                snapshot(component(
                        "t",
                        "promo-tiles",
                        "{\"tiles\": [{\"image\": {\"asset\": \"t1\"}, \"label\": \"A\"}, {\"image\": {\"asset\": \"missing-2\"}}],"
                                + " \"logo\": {\"asset\": \"l1\"}}")),
                Pages.profile(Tier.HIGH, Tier.HIGH, 2.0, 360, false));
        JsonNode c = payload.at("/components/0/props");
        assertEquals(
                "https://img.example.com/t1/1x1/480.webp",
                c.at("/tiles/0/image/url").asText(),
                "180 css px at 2x: 360, so 480");
        assertEquals("A", c.at("/tiles/0/label").asText());
        assertTrue(c.at("/tiles/1/image").isNull());
        assertEquals("/props/tiles/1/image", payload.at("/warnings/0/pointer").asText());
        assertEquals(240, c.at("/logo/w").asInt(), "72 css px at 2x: the 240 variant");
    }

    @Test
    void sendsJpegToClientsThatDoNotAcceptWebpAndCapsPixelsByMediaTier() {
        JsonNode jpeg = LayoutSchemaCheck.valid(renderer.render(
                        snapshot(image("i1")),
                        Pages.profile(Tier.HIGH, Tier.LOW, 3.0, 390, false),
                        ClientCapabilities.DEFAULT,
                        new TestAssets(),
                        REQUEST))
                .payload();
        assertEquals(
                "https://img.example.com/i1/16x9/480.jpeg",
                jpeg.at("/components/0/props/image/url").asText(),
                "a slow network lowers the media tier: 480 px cap");
        assertFalse(jpeg.at("/components/0/props/image").has("preview"), "no preview bytes on a low media tier");
    }

    static JsonNode image(String id) {
        return component(id, "promo-image", "{\"image\": {\"asset\": \"" + id + "\"}}");
    }
}
