package io.venuekit.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each tier is sent, read from {@code tier-policy.json} beside {@code tier-rules.json}: how
 * many modules a layout page holds, the image budget (device pixel ratio and width caps), the
 * widths variants are made at, the buckets cached layouts are keyed by, and the client hints the
 * server asks for. One record, so the renderer, the asset pipeline and the server cannot disagree.
 *
 * @param tiers           per tier: page size and image budget
 * @param variantWidths   the widths image variants are made at, ascending
 * @param dprBuckets      device pixel ratios a profile is folded onto for cache keys, ascending
 * @param viewportBuckets viewport widths a profile is folded down to for cache keys, ascending
 * @param acceptCh        the client hints asked for with {@code Accept-CH}
 */
public record TierPolicy(
        Map<Tier, Share> tiers,
        List<Integer> variantWidths,
        List<Double> dprBuckets,
        List<Integer> viewportBuckets,
        List<String> acceptCh) {

    /** The bundled policy. */
    public static final TierPolicy DEFAULT = bundled();

    /**
     * What one tier gets.
     *
     * @param pageSize top-level modules in one page of the layout
     * @param dprCap   the highest device pixel ratio images are made for
     * @param widthCap the widest image sent, in pixels
     */
    public record Share(int pageSize, double dprCap, int widthCap) {
        public Share {
            if (pageSize < 1 || dprCap <= 0 || widthCap < 1) {
                throw new IllegalArgumentException("pageSize, dprCap and widthCap must be positive, got " + pageSize
                        + ", " + dprCap + ", " + widthCap);
            }
        }
    }

    public TierPolicy {
        if (!tiers.keySet().containsAll(List.of(Tier.values()))) {
            throw new IllegalArgumentException(
                    "the policy must name every tier (high, mid, low), got " + tiers.keySet());
        }
        if (variantWidths.isEmpty() || dprBuckets.isEmpty() || viewportBuckets.isEmpty() || acceptCh.isEmpty()) {
            throw new IllegalArgumentException(
                    "variantWidths, dprBuckets, viewportBuckets and acceptCh must not be empty");
        }
        tiers = Map.copyOf(new EnumMap<>(tiers));
        variantWidths = variantWidths.stream().sorted().toList();
        dprBuckets = dprBuckets.stream().sorted().toList();
        viewportBuckets = viewportBuckets.stream().sorted().toList();
        acceptCh = List.copyOf(acceptCh);
    }

    public Share of(Tier tier) {
        return tiers.get(tier);
    }

    /** Reads a policy file; {@code source} names it in the error when the file is not usable. */
    public static TierPolicy read(InputStream in, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(source + " is not JSON: " + e.getMessage(), e);
        }
        try {
            Map<Tier, Share> tiers = new EnumMap<>(Tier.class);
            for (Tier tier : Tier.values()) {
                JsonNode t = root.path("tiers").path(tier.id());
                tiers.put(
                        tier,
                        new Share(
                                intAt(t, "/tiers/" + tier.id() + "/pageSize", "pageSize"),
                                number(t, "/tiers/" + tier.id() + "/dprCap", "dprCap"),
                                intAt(t, "/tiers/" + tier.id() + "/widthCap", "widthCap")));
            }
            List<Integer> widths = new ArrayList<>();
            for (JsonNode w : array(root, "variantWidths")) {
                widths.add(w.asInt());
            }
            List<Double> dprs = new ArrayList<>();
            for (JsonNode d : array(root, "dprBuckets")) {
                dprs.add(d.asDouble());
            }
            List<Integer> viewports = new ArrayList<>();
            for (JsonNode v : array(root, "viewportBuckets")) {
                viewports.add(v.asInt());
            }
            List<String> hints = new ArrayList<>();
            for (JsonNode h : array(root, "acceptCh")) {
                hints.add(h.asText());
            }
            return new TierPolicy(tiers, widths, dprs, viewports, hints);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static int intAt(JsonNode node, String pointer, String field) {
        JsonNode v = node.path(field);
        if (!v.canConvertToInt()) {
            throw new IllegalArgumentException(pointer + " must be a whole number");
        }
        return v.asInt();
    }

    private static double number(JsonNode node, String pointer, String field) {
        JsonNode v = node.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(pointer + " must be a number");
        }
        return v.asDouble();
    }

    private static JsonNode array(JsonNode root, String field) {
        JsonNode v = root.path(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("/" + field + " must be an array");
        }
        return v;
    }

    private static TierPolicy bundled() {
        String resource = "/venuekit/device/tier-policy.json";
        try (InputStream in = TierPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the device-profiles jar");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
