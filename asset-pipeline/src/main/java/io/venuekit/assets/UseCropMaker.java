package io.venuekit.assets;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.decode.HeaderReader;
import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.assets.variant.Variant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The files of one shape cropped for one use's own focus (a page's image prop with a {@code focus}):
 * the stored original decoded only as large as this shape's widest file needs, the asset's stored
 * detections, one crop planned, one shape's widths and formats encoded. No detection, no other
 * shape: a fraction of an upload's work, so a page can ask for it when it needs it.
 * Thread-safe; share one.
 */
public final class UseCropMaker {

    /** What one use's focus gives: the crop (in source pixels), its files and placeholder. */
    public record UseCrop(Crop crop, List<Variant> variants, Placeholder placeholder) {

        public UseCrop {
            variants = List.copyOf(variants);
        }
    }

    private final CropPlanner planner;
    private final PipelineSettings settings;
    private final Executor executor;
    private final ImageDecoder decoder = new ImageDecoder();
    private final VariantRenderer renderer;

    public UseCropMaker(CropPlanner planner, PipelineSettings settings, Executor executor) {
        this.planner = planner;
        this.settings = settings;
        this.executor = executor;
        this.renderer = new VariantRenderer(settings.variants());
    }

    /**
     * @param manifest the asset's manifest: its detections (in source pixels) are reused
     * @throws AssetRejectedException when the original no longer decodes (it did once)
     */
    public UseCrop make(byte[] original, AssetManifest manifest, Focus focus, String shape) {
        ImageHeader header = HeaderReader.read(original, settings.limits());
        Detections detections = manifest.detections() == null ? Detections.NONE : manifest.detections();
        Crop crop = planner.plan(header.width(), header.height(), detections, focus, shape);
        // as large as this crop's widest file needs (2% over, for rounding), which may be more than the shape's largest
        // window would
        int widest = settings.variants().widths().largestFor(crop.width());
        double scale = Math.min(1.0, widest * 1.02 / crop.width());
        DecodedImage decoded = decoder.decode(original, header, ImageDecoder.subsamplingFor(header, scale));
        Crop onDecoded = crop.scaled(
                decoded.scale(), decoded.image().getWidth(), decoded.image().getHeight());
        VariantRenderer.Output out = renderer.render(
                List.of(new VariantRenderer.Cut(decoded.image(), onDecoded)), executor, ProgressListener.NONE, 0, 1);
        return new UseCrop(crop, out.variants(), out.placeholders().get(shape));
    }
}
