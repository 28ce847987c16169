package io.venuekit.renderer;

import static io.venuekit.renderer.Pages.ALL_WEBP;
import static io.venuekit.renderer.Pages.component;
import static io.venuekit.renderer.Pages.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.device.Tier;
import org.junit.jupiter.api.Test;

/** A schema's data bindings reach the payload as references the client fetches. */
class DataReferencesTest {

    private final LayoutRenderer renderer = new LayoutRenderer(ComponentRegistry.loadDefault());

    @Test
    void aBoundPropBecomesAReferenceAndAnUnboundComponentHasNone() {
        JsonNode components = LayoutSchemaCheck.valid(renderer.render(
                        Pages.snapshot(
                                component(
                                        "c1",
                                        "coupon-card",
                                        "{\"poolId\": \"pool-d11-50\", \"title\": \"Cross-store\", \"amount\": {\"cents\": 5000}}"),
                                component("s1", "spacer", "{\"height\": 12}")),
                        profile(Tier.HIGH),
                        ALL_WEBP,
                        new TestAssets(),
                        RenderRequest.at(Pages.NOW)))
                .payload()
                .get("components");

        assertEquals("coupon-pool", components.at("/0/data/coupon/source").asText());
        assertEquals("pool-d11-50", components.at("/0/data/coupon/id").asText());
        assertTrue(
                components.get(1).path("data").isMissingNode(),
                components.get(1).toString());
    }
}
