package io.venuekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.samples.SampleVenue;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.renderer.image.AssetVariant;
import io.venuekit.renderer.image.AssetView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the render benchmarks share: the sample venue as a published snapshot, a request inside
 * its schedule and targeting, realistic device profiles, and a catalog whose variants have the
 * sizes the pipeline writes (every crop shape at 240/480/720/1080 px; about 0.18 bytes per pixel
 * for JPEG and 0.12 for WebP).
 */
final class RenderFixture {

    static final List<String> SHAPES = List.of("1:1", "3:4", "4:3", "16:9", "2:1", "9:16");
    static final int[] WIDTHS = {240, 480, 720, 1080};
    static final ClientCapabilities CHROME =
            ClientCapabilities.DEFAULT.withAccept("image/avif,image/webp,image/apng,*/*;q=0.8");

    private RenderFixture() {}

    static ObjectNode snapshot() {
        ObjectNode s = SampleVenue.load().deepCopy();
        s.put("pageId", "sample");
        s.put("number", 1);
        return s;
    }

    static RenderRequest request(JsonNode snapshot) {
        Instant start =
                OffsetDateTime.parse(snapshot.at("/schedule/start").asText()).toInstant();
        return new RenderRequest(start.plusSeconds(3600), "CN", "android", Set.of());
    }

    /** A Redmi-class phone (360 px, DPR 2) and a flagship (393 px, DPR 3), as the resolver reports them. */
    static DeviceProfile profile(Tier tier) {
        return switch (tier) {
            case LOW ->
                new DeviceProfile(
                        Tier.LOW,
                        Tier.LOW,
                        List.of("device-memory=2"),
                        "android",
                        11,
                        "Redmi 9A",
                        2.0,
                        360,
                        "4g",
                        false,
                        false,
                        Set.of());
            case MID ->
                new DeviceProfile(
                        Tier.MID,
                        Tier.MID,
                        List.of("device-memory=4"),
                        "android",
                        13,
                        "SM-A546B",
                        2.625,
                        412,
                        "4g",
                        false,
                        false,
                        Set.of());
            case HIGH ->
                new DeviceProfile(
                        Tier.HIGH,
                        Tier.HIGH,
                        List.of("device-memory=8"),
                        "ios",
                        17,
                        "iPhone15,2",
                        3.0,
                        393,
                        "4g",
                        false,
                        false,
                        Set.of());
        };
    }

    /** Views are built once per asset id, as a server keeps its asset manifests in memory. */
    static AssetCatalog catalog() {
        Map<String, AssetView> views = new ConcurrentHashMap<>();
        return assetId -> Optional.of(views.computeIfAbsent(assetId, RenderFixture::view));
    }

    static long bytes(int w, int h, String format) {
        return Math.round(w * (long) h * ("webp".equals(format) ? 0.12 : 0.18));
    }

    private static AssetView view(String assetId) {
        List<AssetVariant> variants = new ArrayList<>();
        for (String shape : SHAPES) {
            String[] r = shape.split(":");
            for (int w : WIDTHS) {
                int h = (int) Math.round(w * Double.parseDouble(r[1]) / Double.parseDouble(r[0]));
                for (String format : List.of("jpeg", "webp")) {
                    variants.add(new AssetVariant(
                            shape,
                            w,
                            h,
                            format,
                            bytes(w, h, format),
                            "https://img.example.com/" + assetId + "/" + shape.replace(':', 'x') + "/" + w + "."
                                    + format));
                }
            }
        }
        return new AssetView(
                "#c08040", "data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA", variants);
    }
}
