package io.venuekit.assets.variant;

import io.venuekit.assets.ContentHash;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one crop into its sized images and encodes them. The two steps are separate so a caller can
 * run the encodes (most of the cost, WebP above all) in parallel. Thread-safe.
 */
public final class VariantMaker {

    private final VariantWidths widths;
    private final Map<VariantFormat, ImageEncoder> encoders;
    private final Resizer resizer = new Resizer();
    private final List<String> unavailable;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VariantMaker.class);

    public VariantMaker(VariantWidths widths, Map<VariantFormat, ImageEncoder> encoders) {
        this(widths, encoders, List.of());
    }

    private VariantMaker(VariantWidths widths, Map<VariantFormat, ImageEncoder> encoders, List<String> unavailable) {
        if (encoders.isEmpty()) {
            throw new IllegalArgumentException("at least one output format is needed");
        }
        this.widths = widths;
        this.encoders = new EnumMap<>(encoders);
        this.unavailable = List.copyOf(unavailable);
    }

    /**
     * Default widths; progressive JPEG at 0.82 and WebP at 0.80, method 2. Where libwebp cannot be
     * loaded, JPEG only, logged once here and named by {@link #unavailable()} for the manifest.
     */
    public static VariantMaker standard() {
        String webpProblem = WebpEncoder.unavailableReason();
        if (webpProblem != null) {
            LOG.warn("WebP variants disabled, serving JPEG only: {}", webpProblem);
            return new VariantMaker(
                    VariantWidths.DEFAULT,
                    Map.of(VariantFormat.JPEG, new JpegEncoder()),
                    List.of("webp: encoder unavailable on this machine (" + webpProblem + "); JPEG only"));
        }
        return new VariantMaker(
                VariantWidths.DEFAULT,
                Map.of(VariantFormat.JPEG, new JpegEncoder(), VariantFormat.WEBP, new WebpEncoder()));
    }

    /** Formats that could not be set up, one line each, for the manifest's notes; empty normally. */
    public List<String> unavailable() {
        return unavailable;
    }

    public VariantWidths widths() {
        return widths;
    }

    public Set<VariantFormat> formats() {
        return encoders.keySet();
    }

    /**
     * The crop {@code region} of {@code source} at every width that fits, largest first. The largest
     * is scaled from the source; the smaller ones from it, which is cheaper and, with progressive
     * halving, looks the same.
     */
    public List<BufferedImage> sizes(BufferedImage source, Rectangle region, Aspect aspect) {
        List<BufferedImage> out = new ArrayList<>();
        BufferedImage largest = null;
        for (int width : widths.forCrop(region.width)) {
            int height = Math.min(aspect.heightFor(width), largest == null ? region.height + 1 : largest.getHeight());
            BufferedImage sized = largest == null
                    ? resizer.resize(source, region, width, height)
                    : resizer.resize(largest, width, height);
            if (largest == null) {
                largest = sized;
            }
            out.add(sized);
        }
        return out;
    }

    /** One file of {@code image} in {@code format}, named by its content. */
    public Variant encode(String shape, BufferedImage image, VariantFormat format) {
        ImageEncoder encoder = encoders.get(format);
        if (encoder == null) {
            throw new IllegalArgumentException(
                    "format " + format + " is not configured; configured: " + encoders.keySet());
        }
        byte[] data = encoder.encode(image);
        String name = ContentHash.sha256(data).substring(0, 16) + "." + format.extension();
        return new Variant(shape, image.getWidth(), image.getHeight(), format, name, data);
    }
}
