package io.venuekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.device.Tier;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.LayoutRenderer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Prints, for the sample venue, the first response of each tier: its JSON bytes and the bytes of
 * the images it references, and the low/high ratios the issue sets (at most 0.35 and 0.30).
 * Run: {@code java -cp bench/target/benchmarks.jar io.venuekit.bench.RenderSizeReport}
 */
public final class RenderSizeReport {

    private RenderSizeReport() {}

    public static void main(String[] args) {
        LayoutRenderer renderer = new LayoutRenderer(ComponentRegistry.loadDefault());
        ObjectNode snapshot = RenderFixture.snapshot();
        long[] json = new long[3];
        long[] images = new long[3];
        Layout[] layouts = new Layout[3];
        for (Tier tier : Tier.values()) {
            Layout layout = renderer.render(
                    snapshot,
                    RenderFixture.profile(tier),
                    RenderFixture.CHROME,
                    RenderFixture.catalog(),
                    RenderFixture.request(snapshot));
            layouts[tier.ordinal()] = layout;
            json[tier.ordinal()] = layout.bytes().length;
            images[tier.ordinal()] = imageBytes(layout.payload());
            System.out.printf(
                    Locale.ROOT,
                    "%-4s first response: %6d JSON bytes, %2d top-level modules, images %8d bytes, next=%s%n",
                    tier.id(),
                    json[tier.ordinal()],
                    layout.payload().get("components").size(),
                    images[tier.ordinal()],
                    layout.next().isPresent() ? "cursor" : "null");
        }
        int low = Tier.LOW.ordinal();
        int high = Tier.HIGH.ordinal();
        System.out.printf(
                Locale.ROOT, "low/high JSON bytes:  %.3f (target <= 0.35)%n", (double) json[low] / json[high]);
        System.out.printf(
                Locale.ROOT, "low/high image bytes: %.3f (target <= 0.30)%n", (double) images[low] / images[high]);
        // like for like: the same top-level modules the low tier shows first, as the high tier renders them
        Set<String> lowIds = new HashSet<>();
        layouts[low]
                .payload()
                .get("components")
                .forEach(c -> lowIds.add(c.get("id").asText()));
        long highSame = 0;
        for (JsonNode c : layouts[high].payload().get("components")) {
            if (lowIds.contains(c.get("id").asText())) {
                highSame += imageBytes(c);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "low/high image bytes, same %d modules: %.3f (%d / %d)%n",
                lowIds.size(),
                (double) images[low] / highSame,
                images[low],
                highSame);
    }

    /** The bytes of every image a payload references, looked up by the size the fake catalog gives each variant. */
    static long imageBytes(JsonNode node) {
        if (node.isObject() && node.has("url") && node.has("w") && node.has("format")) {
            return RenderFixture.bytes(
                    node.get("w").asInt(),
                    node.get("h").asInt(),
                    node.get("format").asText());
        }
        long sum = 0;
        for (JsonNode child : node) {
            sum += imageBytes(child);
        }
        return sum;
    }
}
