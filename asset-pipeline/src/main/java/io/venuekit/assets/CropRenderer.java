package io.venuekit.assets;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.assets.variant.Variant;
import io.venuekit.assets.variant.VariantFormat;
import io.venuekit.assets.variant.VariantRef;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A source image and a focus to a manifest and its files: plans one crop per shape, cuts each from
 * the working copy or the full decode, renders every width and format, and keeps the files of
 * crops that an earlier manifest already has. The second half of {@link AssetProcessor}'s work.
 */
final class CropRenderer {

    private final CropPlanner planner;
    private final PipelineSettings settings;
    private final Executor executor;
    private final VariantRenderer renderer;
    private final WholePicture whole;

    CropRenderer(CropPlanner planner, PipelineSettings settings, Executor executor) {
        this.planner = planner;
        this.settings = settings;
        this.executor = executor;
        this.renderer = new VariantRenderer(settings.variants());
        this.whole = new WholePicture(settings.variants());
    }

    /**
     * Plans every shape and renders the files of each crop that {@code previous} (when given) does not
     * already have: a window that did not move gives the same files, so its variants and placeholder are
     * kept and only the moved ones cost resizing and encoding. The result's variants are the new files.
     */
    ProcessedAsset render(
            SourceImage source, Focus focus, ProgressListener progress, double from, AssetManifest previous) {
        DecodedImage decoded = source.decoded();
        int width = decoded.header().width();
        int height = decoded.header().height();
        progress.progress(from, "planning crops");
        List<Crop> crops = new ArrayList<>();
        List<VariantRenderer.Cut> cuts = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (String shape : settings.shapes()) {
            Crop crop = planner.plan(width, height, source.detections(), focus, shape);
            crops.add(crop);
            if (alreadyMade(previous, crop)) {
                kept.add(shape);
            } else {
                cuts.add(cut(source, crop));
            }
        }
        // the whole picture does not move with a focus: made once, then kept like an unmoved crop
        boolean wholeKept = whole.alreadyMade(previous);
        CompletableFuture<List<Variant>> wholeFiles = wholeKept
                ? CompletableFuture.completedFuture(List.of())
                : whole.make(List.of(source.working(), decoded.image()), executor);
        VariantRenderer.Output out = renderer.render(cuts, executor, progress, from + 0.05, 1.0);
        List<Variant> files = new ArrayList<>(out.variants());
        files.addAll(join(wholeFiles));
        List<VariantRef> made = files.stream().map(Variant::ref).toList();
        List<VariantRef> refs = new ArrayList<>();
        Map<String, Placeholder> placeholders = new LinkedHashMap<>();
        for (String shape : settings.shapes()) {
            boolean old = kept.contains(shape);
            (old ? previous.variants() : made)
                    .stream().filter(v -> v.shape().equals(shape)).forEach(refs::add);
            placeholders.put(
                    shape,
                    old
                            ? previous.placeholders().get(shape)
                            : out.placeholders().get(shape));
        }
        refs.addAll(wholeKept ? previous.original() : WholePicture.of(made));
        AssetManifest manifest = new AssetManifest(
                source.contentHash(),
                SourceFacts.of(decoded),
                source.detections(),
                focus,
                crops,
                refs,
                placeholders,
                source.notes());
        progress.progress(1.0, "ready");
        return new ProcessedAsset(manifest, files, source);
    }

    /**
     * Whether {@code previous} holds this crop's window with every width and format the settings make
     * for it (settings may have changed since, e.g. a WebP encoder that went missing).
     */
    private boolean alreadyMade(AssetManifest previous, Crop crop) {
        if (previous == null || !previous.placeholders().containsKey(crop.aspect())) return false;
        boolean sameWindow = previous.crops().stream()
                .anyMatch(c -> c.aspect().equals(crop.aspect())
                        && c.x() == crop.x()
                        && c.y() == crop.y()
                        && c.width() == crop.width()
                        && c.height() == crop.height());
        if (!sameWindow) return false;
        Set<String> want = new HashSet<>();
        for (int w : settings.variants().widths().forCrop(crop.width())) {
            for (VariantFormat f : settings.variants().formats()) want.add(w + "/" + f);
        }
        Set<String> have = new HashSet<>();
        previous.variants().stream()
                .filter(v -> v.shape().equals(crop.aspect()))
                .forEach(v -> have.add(v.width() + "/" + v.format()));
        return have.equals(want);
    }

    /**
     * Where a crop (in source pixels) is cut from: the working copy when it still gives the crop its
     * widest variant, else the full decode (a planner that keeps a smaller window than the shape's
     * largest must not cost high-tier phones their 1080-px file).
     */
    private VariantRenderer.Cut cut(SourceImage source, Crop crop) {
        int wanted = settings.variants().widths().largestFor(crop.width());
        BufferedImage working = source.working();
        Crop onWorking = crop.scaled(
                working.getWidth() / (double) source.decoded().header().width(),
                working.getWidth(),
                working.getHeight());
        if (onWorking.width() >= wanted || working == source.decoded().image()) {
            return new VariantRenderer.Cut(working, onWorking);
        }
        BufferedImage full = source.decoded().image();
        return new VariantRenderer.Cut(full, crop.scaled(source.decoded().scale(), full.getWidth(), full.getHeight()));
    }

    /** The future's value, its own exception unwrapped. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
