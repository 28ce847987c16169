package io.venuekit.renderer;

import static io.venuekit.renderer.Pages.REQUEST;
import static io.venuekit.renderer.Pages.component;
import static io.venuekit.renderer.Pages.profile;
import static io.venuekit.renderer.Pages.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.device.Tier;
import org.junit.jupiter.api.Test;

/** Clients that do not know a type get its declared fallback chain, and the payload says so. */
class FallbackTest {

    private final LayoutRenderer renderer = new LayoutRenderer(TestRegistry.load());

    private JsonNode render(JsonNode snapshot, String header) {
        return LayoutSchemaCheck.valid(renderer.render(
                        snapshot, profile(Tier.HIGH), ClientCapabilities.parse(header), new TestAssets(), REQUEST))
                .payload();
    }

    @Test
    void followsTheChainUntilASupportedTypeRecordingEveryStep() {
        JsonNode payload = render(
                snapshot(component("g", "promo-game", "{\"title\": \"Spin to win\", \"gameId\": \"g1\"}")),
                "contract=1; types=promo-text");
        JsonNode c = payload.at("/components/0");
        assertEquals("promo-text", c.get("type").asText());
        assertEquals("g", c.get("id").asText());
        assertEquals("Spin to win", c.at("/props/text").asText(), "mapped by the declared fallbackProps");
        assertEquals(2, payload.get("substitutions").size());
        assertEquals("promo-game", payload.at("/substitutions/0/from").asText());
        assertEquals("promo-sparkle", payload.at("/substitutions/0/to").asText());
        assertEquals("promo-sparkle", payload.at("/substitutions/1/from").asText());
        assertEquals("promo-text", payload.at("/substitutions/1/to").asText());
    }

    @Test
    void reusesTheTierReplacementMappingForTheSameFallbackType() {
        JsonNode payload = render(
                snapshot(component(
                        "v", "promo-video", "{\"src\": \"https://v/1.mp4\", \"poster\": {\"asset\": \"a1\"}}")),
                "types=promo-image");
        JsonNode c = payload.at("/components/0");
        assertEquals("promo-image", c.get("type").asText());
        assertTrue(c.at("/props/image/url").asText().startsWith("https://img.example.com/a1/"));
    }

    @Test
    void recordsAComponentWithNoSupportedFallbackInsteadOfDroppingItSilently() {
        JsonNode payload =
                render(snapshot(component("o", "promo-orphan", "{}"), TierPolicyTest.image("i1")), "types=promo-image");
        assertEquals(1, payload.get("components").size());
        JsonNode s = payload.at("/substitutions/0");
        assertEquals("o", s.get("id").asText());
        assertTrue(s.get("to").isNull());
        assertTrue(s.get("reason").asText().contains("no supported fallback"), s.toString());
    }

    @Test
    void recordsAFallbackThatWouldLackRequiredProps() {
        JsonNode payload = render(snapshot(component("s", "promo-sparkle", "{}")), "types=promo-image");
        assertEquals(0, payload.get("components").size());
        assertTrue(payload.at("/substitutions/0/reason").asText().contains("would lack 'text'"), payload.toString());
    }

    @Test
    void aContainerFallingBackToItsChildTypeShowsItsFirstChild() {
        JsonNode payload = render(
                snapshot(component("g", "promo-gallery", "{}", TierPolicyTest.image("i1"), TierPolicyTest.image("i2"))),
                "types=promo-image");
        JsonNode c = payload.at("/components/0");
        assertEquals("promo-image", c.get("type").asText());
        assertEquals("g", c.get("id").asText());
        assertTrue(c.at("/props/image/url").asText().contains("/i1/"));
        assertTrue(payload.at("/substitutions/0/reason").asText().contains("first promo-image"));
    }

    @Test
    void leavesSupportedTypesAlone() {
        JsonNode payload = render(snapshot(TierPolicyTest.image("i1")), "contract=1; types=promo-image,promo-text");
        assertEquals("promo-image", payload.at("/components/0/type").asText());
        assertEquals(0, payload.get("substitutions").size());
    }
}
