package io.venuekit.assets;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.decode.HeaderReader;
import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.SubjectRefiner;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.assets.variant.Resizer;
import io.venuekit.assets.variant.Variant;
import io.venuekit.assets.variant.VariantFormat;
import io.venuekit.assets.variant.VariantRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Upload bytes to manifest and variant files: check limits, decode (subsampled when the variants
 * allow), detect on a reduced copy, plan one crop per shape, render every width in JPEG and WebP.
 * Thread-safe; share one. Plain Java: the server decides where it runs and where results go.
 */
public final class AssetProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(AssetProcessor.class);

    private final Detector detector;
    private final SubjectRefiner refiner;
    private final CropPlanner planner;
    private final PipelineSettings settings;
    private final Executor executor;
    private final ImageDecoder decoder = new ImageDecoder();
    private final Resizer resizer = new Resizer();
    private final VariantRenderer renderer;
    private final WholePicture whole;

    /**
     * @param detector faces/text/subject; the server passes {@code ImageAnalyzer.fromModelsDir(...)}, tests a fake
     * @param executor runs resize and encode tasks; {@code Runnable::run} keeps everything on the caller's thread
     */
    public AssetProcessor(Detector detector, CropPlanner planner, PipelineSettings settings, Executor executor) {
        this(detector, null, planner, settings, executor);
    }

    /**
     * @param refiner a slower subject estimate that {@link #refine} applies after a first result, or
     *                null when {@code detector}'s subject is the final one
     */
    public AssetProcessor(Detector detector, SubjectRefiner refiner, CropPlanner planner, PipelineSettings settings,
                          Executor executor) {
        this.detector = detector;
        this.refiner = refiner;
        this.planner = planner;
        this.settings = settings;
        this.executor = executor;
        this.renderer = new VariantRenderer(settings.variants());
        this.whole = new WholePicture(settings.variants());
    }

    /** Default settings and planner, everything on the caller's thread. */
    public AssetProcessor(Detector detector) {
        this(detector, new CropPlanner(), PipelineSettings.defaults(), Runnable::run);
    }

    public PipelineSettings settings() {
        return settings;
    }

    /**
     * The cheap checks alone (bytes, type, header pixel count), for answering an upload at once
     * with 413/415/422 instead of queueing a job that will fail.
     *
     * @throws AssetRejectedException with the reason and a message for the merchant
     */
    public ImageHeader inspect(byte[] bytes) {
        return HeaderReader.read(bytes, settings.limits());
    }

    /**
     * Processes an upload.
     *
     * @param focus    the operator's focus, or null to let the detections decide
     * @throws AssetRejectedException when the upload is refused (too large, unsupported, corrupt)
     */
    public ProcessedAsset process(byte[] bytes, Focus focus, ProgressListener progress) {
        progress.progress(0.0, "checking");
        String hash = ContentHash.sha256(bytes);
        ImageHeader header = HeaderReader.read(bytes, settings.limits());
        progress.progress(0.05, "decoding");
        DecodedImage decoded = decode(bytes, header);
        // The working copy is made on the executor while this thread detects: both only read the decode.
        CompletableFuture<BufferedImage> workingCopy = CompletableFuture.supplyAsync(() -> working(decoded), executor);
        progress.progress(0.25, "detecting");
        Detections detections = detect(decoded.image(), header.width());
        BufferedImage working = join(workingCopy);
        return render(new SourceImage(hash, decoded, working, detections, notes(decoded, working)), focus, progress, 0.45, null);
    }

    /**
     * Runs the whole pipeline once on a made-up photo and drops the result, so that the first real
     * upload after a start finds the models' buffers allocated and the resizers and encoders compiled.
     */
    public ProcessedAsset warmUp() {
        return process(WarmUpPhoto.jpeg(), null, ProgressListener.NONE);
    }

    /** Runs the subject refiner once on the warm-up photo, when there is one: a model's first run is its slowest. */
    public void warmUpRefiner() {
        if (refiner == null) return;
        byte[] photo = WarmUpPhoto.jpeg();
        refiner.subject(analysed(working(decode(photo, HeaderReader.read(photo, settings.limits())))));
    }

    /** Whether a subject refiner is configured. */
    public boolean refines() {
        return refiner != null;
    }

    /** Whether {@link #refine} would give this manifest a better subject estimate than it has. */
    public boolean needsRefining(AssetManifest manifest) {
        if (refiner == null || manifest.detections() == null) return false;
        String by = manifest.detections().subjectBy();
        return by == null || Detections.SUBJECT_BY_MAP.equals(by);
    }

    /**
     * New crops and variants from the refiner's subject, the rest of the earlier detections kept. If the
     * refiner fails on this image, the earlier subject stays and the manifest says so (it is not tried again).
     */
    public ProcessedAsset refine(byte[] bytes, AssetManifest previous, Focus focus, ProgressListener progress) {
        if (refiner == null) throw new IllegalStateException("no subject refiner configured");
        ImageHeader header = HeaderReader.read(bytes, settings.limits());
        progress.progress(0.0, "decoding");
        DecodedImage decoded = decode(bytes, header);
        BufferedImage working = working(decoded);
        progress.progress(0.1, "refining the subject");
        Detections before = previous.detections() != null ? previous.detections() : detect(working, header.width());
        Detections refined;
        try {
            BufferedImage analysed = analysed(working);
            Box subject = refiner.subject(analysed);
            double back = header.width() / (double) analysed.getWidth();
            refined = before.withSubject(subject == null ? null : subject.scaled(back), Detections.SUBJECT_BY_MODEL,
                    before.unavailable());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw e; // a shutdown, not the model: the job is taken up again
            LOG.warn("the subject model failed on an image; its crops keep the saliency map's subject: {}", e.toString());
            List<String> unavailable = new ArrayList<>(before.unavailable());
            unavailable.add("subject: the salient-object model failed on this image (" + e.getClass().getSimpleName()
                    + "); the saliency map's estimate is kept");
            refined = before.withSubject(before.subject(), Detections.SUBJECT_BY_MAP_MODEL_FAILED, unavailable);
        }
        SourceImage source = new SourceImage(previous.contentHash(), decoded, working, refined, notes(decoded, working));
        return render(source, focus, progress, 0.5, previous);
    }

    /** New crops and variants for a new focus, from a source kept in memory: no decoding or detection. */
    public ProcessedAsset replan(SourceImage source, Focus focus, ProgressListener progress) {
        return render(source, focus, progress, 0.0, null);
    }

    /**
     * New crops and variants for a new focus when only the bytes and the earlier manifest are at hand
     * (after a restart): decodes again but reuses the stored detections (detects only if there are none).
     */
    public ProcessedAsset replan(byte[] bytes, AssetManifest previous, Focus focus, ProgressListener progress) {
        ImageHeader header = HeaderReader.read(bytes, settings.limits());
        progress.progress(0.0, "decoding");
        DecodedImage decoded = decode(bytes, header);
        BufferedImage working = working(decoded);
        // A manifest written before detections were stored (or by hand) gets them now rather than none.
        Detections detections = previous.detections() != null ? previous.detections() : detect(working, header.width());
        SourceImage source = new SourceImage(previous.contentHash(), decoded, working, detections,
                notes(decoded, working));
        return render(source, focus, progress, 0.3, previous);
    }

    /**
     * Plans every shape and renders the files of each crop that {@code previous} (when given) does not
     * already have: a window that did not move gives the same files, so its variants and placeholder are
     * kept and only the moved ones cost resizing and encoding. The result's variants are the new files.
     */
    private ProcessedAsset render(SourceImage source, Focus focus, ProgressListener progress, double from,
                                  AssetManifest previous) {
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
        CompletableFuture<List<Variant>> wholeFiles = wholeKept ? CompletableFuture.completedFuture(List.of())
                : whole.make(List.of(source.working(), decoded.image()), executor);
        VariantRenderer.Output out = renderer.render(cuts, executor, progress, from + 0.05, 1.0);
        List<Variant> files = new ArrayList<>(out.variants());
        files.addAll(join(wholeFiles));
        List<VariantRef> made = files.stream().map(Variant::ref).toList();
        List<VariantRef> refs = new ArrayList<>();
        Map<String, Placeholder> placeholders = new LinkedHashMap<>();
        for (String shape : settings.shapes()) {
            boolean old = kept.contains(shape);
            (old ? previous.variants() : made).stream().filter(v -> v.shape().equals(shape)).forEach(refs::add);
            placeholders.put(shape, old ? previous.placeholders().get(shape) : out.placeholders().get(shape));
        }
        refs.addAll(wholeKept ? previous.original() : WholePicture.of(made));
        AssetManifest manifest = new AssetManifest(source.contentHash(), SourceFacts.of(decoded), source.detections(),
                focus, crops, refs, placeholders, source.notes());
        progress.progress(1.0, "ready");
        return new ProcessedAsset(manifest, files, source);
    }

    /**
     * Whether {@code previous} holds this crop's window with every width and format the settings make
     * for it (settings may have changed since, e.g. a WebP encoder that went missing).
     */
    private boolean alreadyMade(AssetManifest previous, Crop crop) {
        if (previous == null || !previous.placeholders().containsKey(crop.aspect())) return false;
        boolean sameWindow = previous.crops().stream().anyMatch(c -> c.aspect().equals(crop.aspect())
                && c.x() == crop.x() && c.y() == crop.y() && c.width() == crop.width() && c.height() == crop.height());
        if (!sameWindow) return false;
        Set<String> want = new HashSet<>();
        for (int w : settings.variants().widths().forCrop(crop.width())) {
            for (VariantFormat f : settings.variants().formats()) want.add(w + "/" + f);
        }
        Set<String> have = new HashSet<>();
        previous.variants().stream().filter(v -> v.shape().equals(crop.aspect())).forEach(v -> have.add(v.width() + "/" + v.format()));
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
        Crop onWorking = crop.scaled(working.getWidth() / (double) source.decoded().header().width(),
                working.getWidth(), working.getHeight());
        if (onWorking.width() >= wanted || working == source.decoded().image()) {
            return new VariantRenderer.Cut(working, onWorking);
        }
        BufferedImage full = source.decoded().image();
        return new VariantRenderer.Cut(full, crop.scaled(source.decoded().scale(), full.getWidth(), full.getHeight()));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private DecodedImage decode(byte[] bytes, ImageHeader header) {
        return decoder.decode(bytes, header, DecodeSize.subsampling(header, settings.shapes(), settings.variants().widths()));
    }

    /**
     * The decode scaled once to the resolution the widest variant of the narrowest shape needs.
     * Shapes are resized from this smaller copy instead of from the full decode: for a 4000 × 3000
     * photo that more than halves the resizing work of all 48 files.
     */
    private BufferedImage working(DecodedImage decoded) {
        ImageHeader header = decoded.header();
        double scale = DecodeSize.workingScale(header, settings.shapes(), settings.variants().widths());
        int width = (int) Math.ceil(header.width() * scale);
        int height = (int) Math.ceil(header.height() * scale);
        if (decoded.image().getWidth() <= width * 1.05) {
            return decoded.image();
        }
        return resizer.resize(decoded.image(), width, height);
    }

    /** Detections in source pixels. A detector that throws costs the detections, never the asset. */
    private Detections detect(BufferedImage image, int sourceWidth) {
        BufferedImage analysed = analysed(image);
        Detections found;
        try {
            found = detector.detect(analysed);
        } catch (RuntimeException e) {
            LOG.warn("detection failed, planning crops without detections: {}", e.toString());
            found = new Detections(List.of(), List.of(), null,
                    List.of("all detectors: failed on this image (" + e.getClass().getSimpleName() + "); crops are centred"));
        }
        return found.scaled(sourceWidth / (double) analysed.getWidth());
    }

    /** The image at most {@code analysisLongSide} long: what the detectors see. */
    private BufferedImage analysed(BufferedImage image) {
        int longSide = Math.max(image.getWidth(), image.getHeight());
        if (longSide <= settings.analysisLongSide()) return image;
        double f = settings.analysisLongSide() / (double) longSide;
        return resizer.resize(image, Math.max(1, (int) Math.round(image.getWidth() * f)),
                Math.max(1, (int) Math.round(image.getHeight() * f)));
    }

    private List<String> notes(DecodedImage decoded, BufferedImage working) {
        List<String> notes = new ArrayList<>(settings.variants().unavailable());
        if (decoded.subsampling() > 1) {
            notes.add("decoded at 1/" + decoded.subsampling() + " size: enough for the widest variant, at a fraction of the memory");
        }
        if (working.getWidth() < decoded.header().width()) {
            notes.add("variants made from a " + working.getWidth() + " × " + working.getHeight()
                    + " working copy, the resolution the widest variant of the narrowest shape needs");
        }
        if (decoded.alphaFlattened()) {
            notes.add("the image has transparency; it was laid over white, as JPEG and the variants are opaque");
        }
        if (decoded.header().orientation().exifValue() != 1) {
            notes.add("turned upright by EXIF orientation " + decoded.header().orientation().exifValue());
        }
        return notes;
    }
}
