package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Snapshots, profiles and requests for tests. */
final class Pages {

    static final Instant NOW = Instant.parse("2026-11-11T04:00:00Z");
    static final RenderRequest REQUEST = RenderRequest.at(NOW);
    static final ClientCapabilities ALL_WEBP = ClientCapabilities.DEFAULT.withAccept("image/webp,image/*");

    private Pages() {}

    static ObjectNode snapshot(JsonNode... components) {
        ObjectNode s = TestRegistry.MAPPER.createObjectNode();
        s.put("pageId", "p1");
        s.put("number", 7);
        s.put("slug", "double11-main");
        s.put("title", "Double 11");
        ArrayNode list = s.putArray("components");
        for (JsonNode c : components) {
            list.add(c);
        }
        return s;
    }

    static ObjectNode component(String id, String type, String propsJson, JsonNode... children) {
        ObjectNode c = TestRegistry.MAPPER.createObjectNode();
        c.put("id", id);
        c.put("type", type);
        try {
            c.set("props", TestRegistry.MAPPER.readTree(propsJson));
        } catch (Exception e) {
            throw new IllegalArgumentException(propsJson, e);
        }
        ArrayNode kids = c.putArray("children");
        for (JsonNode child : children) {
            kids.add(child);
        }
        return c;
    }

    static DeviceProfile profile(Tier tier) {
        return DeviceProfile.ofTier(tier, "test");
    }

    static DeviceProfile profile(Tier tier, Tier mediaTier, double dpr, int viewport, boolean reducedMotion) {
        return new DeviceProfile(
                tier,
                mediaTier,
                List.of("test"),
                "android",
                13,
                null,
                dpr,
                viewport,
                null,
                false,
                reducedMotion,
                Set.of());
    }
}
