package io.venuekit.assets;

import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.decode.HeaderReader;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.SubjectRefiner;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload bytes to manifest and variant files: check limits, decode (subsampled when the variants
 * allow), detect on a reduced copy ({@link SourceReader}), plan one crop per shape, render every width
 * in JPEG and WebP ({@link CropRenderer}). This class decides which of those steps each job runs.
 * Thread-safe; share one. Plain Java: the server decides where it runs and where results go.
 */
public final class AssetProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(AssetProcessor.class);

    private final SubjectRefiner refiner;
    private final PipelineSettings settings;
    private final Executor executor;
    private final SourceReader reader;
    private final CropRenderer crops;

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
    public AssetProcessor(
            Detector detector,
            SubjectRefiner refiner,
            CropPlanner planner,
            PipelineSettings settings,
            Executor executor) {
        this.refiner = refiner;
        this.settings = settings;
        this.executor = executor;
        this.reader = new SourceReader(detector, settings);
        this.crops = new CropRenderer(planner, settings, executor);
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
        DecodedImage decoded = reader.decode(bytes, header);
        // The working copy is made on the executor while this thread detects: both only read the decode.
        CompletableFuture<BufferedImage> workingCopy =
                CompletableFuture.supplyAsync(() -> reader.working(decoded), executor);
        progress.progress(0.25, "detecting");
        Detections detections = reader.detect(decoded.image(), header.width());
        BufferedImage working = CropRenderer.join(workingCopy);
        return crops.render(
                new SourceImage(hash, decoded, working, detections, reader.notes(decoded, working)),
                focus,
                progress,
                0.45,
                null);
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
        refiner.subject(
                reader.analysed(reader.working(reader.decode(photo, HeaderReader.read(photo, settings.limits())))));
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
        DecodedImage decoded = reader.decode(bytes, header);
        BufferedImage working = reader.working(decoded);
        progress.progress(0.1, "refining the subject");
        Detections before =
                previous.detections() != null ? previous.detections() : reader.detect(working, header.width());
        Detections refined;
        try {
            BufferedImage analysed = reader.analysed(working);
            Box subject = refiner.subject(analysed);
            double back = header.width() / (double) analysed.getWidth();
            refined = before.withSubject(
                    subject == null ? null : subject.scaled(back), Detections.SUBJECT_BY_MODEL, before.unavailable());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw e; // a shutdown, not the model: the job is taken up again
            LOG.warn(
                    "the subject model failed on an image; its crops keep the saliency map's subject: {}",
                    e.toString());
            List<String> unavailable = new ArrayList<>(before.unavailable());
            unavailable.add("subject: the salient-object model failed on this image ("
                    + e.getClass().getSimpleName() + "); the saliency map's estimate is kept");
            refined = before.withSubject(before.subject(), Detections.SUBJECT_BY_MAP_MODEL_FAILED, unavailable);
        }
        SourceImage source =
                new SourceImage(previous.contentHash(), decoded, working, refined, reader.notes(decoded, working));
        return crops.render(source, focus, progress, 0.5, previous);
    }

    /** New crops and variants for a new focus, from a source kept in memory: no decoding or detection. */
    public ProcessedAsset replan(SourceImage source, Focus focus, ProgressListener progress) {
        return crops.render(source, focus, progress, 0.0, null);
    }

    /**
     * New crops and variants for a new focus when only the bytes and the earlier manifest are at hand
     * (after a restart): decodes again but reuses the stored detections (detects only if there are none).
     */
    public ProcessedAsset replan(byte[] bytes, AssetManifest previous, Focus focus, ProgressListener progress) {
        ImageHeader header = HeaderReader.read(bytes, settings.limits());
        progress.progress(0.0, "decoding");
        DecodedImage decoded = reader.decode(bytes, header);
        BufferedImage working = reader.working(decoded);
        // A manifest written before detections were stored (or by hand) gets them now rather than none.
        Detections detections =
                previous.detections() != null ? previous.detections() : reader.detect(working, header.width());
        SourceImage source =
                new SourceImage(previous.contentHash(), decoded, working, detections, reader.notes(decoded, working));
        return crops.render(source, focus, progress, 0.3, previous);
    }
}
