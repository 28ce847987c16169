package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.device.Tier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LayoutTest {

    private final LayoutRenderer renderer = new LayoutRenderer(TestRegistry.load());

    private Layout render(Tier tier) {
        return renderer.render(
                Pages.snapshot(TierPolicyTest.image("a")),
                Pages.profile(tier),
                Pages.ALL_WEBP,
                new TestAssets(),
                Pages.REQUEST);
    }

    @Test
    void etagIsStrongQuotedAndFollowsTheBytes() {
        String low = render(Tier.LOW).etag();
        assertTrue(low.matches("\"[A-Za-z0-9_-]{22}\""), low);
        assertEquals(low, render(Tier.LOW).etag(), "same bytes, same tag");
        assertNotEquals(low, render(Tier.HIGH).etag());
    }

    @Test
    void servesItsOwnSchema() {
        String schema = new String(LayoutRenderer.layoutSchema(), StandardCharsets.UTF_8);
        assertTrue(schema.contains("\"https://venuekit.io/v1/schema/layout.json\""));
    }
}
