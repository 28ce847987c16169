package io.venuekit.assets.detect;

import io.venuekit.assets.saliency.ClassicalSaliency;
import io.venuekit.assets.saliency.OnnxSaliencyModel;
import io.venuekit.assets.saliency.SaliencyModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every detector on an image: faces (BlazeFace), text (PP-OCRv4 det) and the salient
 * subject. A detector whose model is missing or fails is left out: the others still run, the
 * result's {@code unavailable} says which and why, and the log says it once. Thread-safe:
 * build one per models folder and share it.
 */
public final class ImageAnalyzer implements Detector {

    private static final Logger LOG = LoggerFactory.getLogger(ImageAnalyzer.class);

    public static final String FACE_MODEL = "face_detection_back_256x256_barracuda.onnx";
    public static final String FACE_MODEL_SHORT_RANGE = "face_detection_front_128x128_barracuda.onnx";
    public static final String TEXT_MODEL = "ch_PP-OCRv4_det_infer.onnx";
    /** A salient-object model with the U2-Net/ISNet contract, used instead of the classical map when present. */
    public static final String SALIENCY_MODEL = "saliency.onnx";

    /**
     * MediaPipe's own default (min_detection_confidence 0.5). Faces in masks score low; on
     * crop-dev 0.6 found 80% of faces and cut 3.7% of them, 0.5 finds 87% and cuts 3.0%.
     */
    static final double FACE_THRESHOLD = 0.5;
    /** Short-range faces smaller than this share of the image's short side are left to the full-range model. */
    static final double CLOSE_UP_SHARE = 0.3;
    /**
     * Larger images are analysed at this long side and the boxes scaled back: the models see
     * at most 960 px anyway, and a 12-megapixel copy would cost more than all of them.
     */
    public static final int ANALYSIS_SIDE = 1280;

    private final BoxDetector faces;
    private final BoxDetector text;
    private final SaliencyModel saliency;
    private final List<String> unavailable;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    public ImageAnalyzer(BoxDetector faces, BoxDetector text, SaliencyModel saliency, List<String> unavailable) {
        this.faces = faces;
        this.text = text;
        this.saliency = saliency;
        this.unavailable = List.copyOf(unavailable);
    }

    /** Loads what {@code modelsDir} holds; what is missing is reported, not thrown. */
    public static ImageAnalyzer fromModelsDir(Path modelsDir) {
        return fromModelsDir(modelsDir, AnalysisSettings.DEFAULT);
    }

    /** The same with other detector settings. */
    public static ImageAnalyzer fromModelsDir(Path modelsDir, AnalysisSettings settings) {
        List<String> unavailable = new ArrayList<>();
        BoxDetector full = null, closeUp = null;
        try {
            full = BlazeFaceDetector.load(modelsDir.resolve(FACE_MODEL), FACE_THRESHOLD, settings.faceTiling());
        } catch (ModelUnavailableException e) {
            unavailable.add(say("faces", e.getMessage(), "faces smaller than a close-up are not looked for"));
        }
        try {
            closeUp = BlazeFaceDetector.load(modelsDir.resolve(FACE_MODEL_SHORT_RANGE), FACE_THRESHOLD, Tiling.NONE);
        } catch (ModelUnavailableException e) {
            unavailable.add(say("faces", e.getMessage(), "a face filling most of the frame may be missed"));
        }
        BoxDetector faces = full == null && closeUp == null ? null : new FaceDetector(full, closeUp, CLOSE_UP_SHARE);
        BoxDetector text = null;
        try {
            text = TextDetector.load(modelsDir.resolve(TEXT_MODEL), settings.textMinSide(), settings.textMaxSide());
        } catch (ModelUnavailableException e) {
            unavailable.add(say("text", e.getMessage(), "crops are planned without text detection"));
        }
        SaliencyModel saliency = new ClassicalSaliency();
        Path salient = modelsDir.resolve(SALIENCY_MODEL);
        if (Files.exists(salient)) {
            try {
                saliency = OnnxSaliencyModel.load(salient);
            } catch (RuntimeException e) {
                unavailable.add(say(
                        "subject",
                        "saliency model " + salient + " failed to load: " + e.getMessage(),
                        "the classical saliency map is used instead"));
            }
        }
        return new ImageAnalyzer(faces, text, saliency, unavailable);
    }

    /**
     * The same detectors with the classical saliency map for the subject: what a first, fast result
     * uses when {@link #subjectModel()} refines the subject afterwards.
     */
    public ImageAnalyzer withClassicalSubject() {
        return saliency instanceof ClassicalSaliency
                ? this
                : new ImageAnalyzer(faces, text, new ClassicalSaliency(), unavailable);
    }

    /** The salient-object model loaded from {@code saliency.onnx}, as a refiner; empty when there is none. */
    public Optional<SubjectRefiner> subjectModel() {
        if (!(saliency instanceof OnnxSaliencyModel model)) return Optional.empty();
        return Optional.of(
                image -> model.subjectFinder().find(model.estimate(image), image.getWidth(), image.getHeight()));
    }

    /** {@code MODELS_DIR} from the environment, or {@code models} under the working directory. */
    public static ImageAnalyzer fromEnvironment() {
        String dir = System.getenv("MODELS_DIR");
        return fromModelsDir(Path.of(dir == null || dir.isBlank() ? "models" : dir));
    }

    private static String say(String detector, String why, String consequence) {
        String line = detector + ": " + why;
        LOG.warn("{}; {}", line, consequence);
        return line;
    }

    /** Detections in {@code image}'s pixels, whatever its size. */
    @Override
    public Detections detect(BufferedImage image) {
        return detect(image, null);
    }

    /** The same, adding each stage's time to {@code timesOrNull}. */
    public Detections detect(BufferedImage image, StageTimes timesOrNull) {
        int side = Math.max(image.getWidth(), image.getHeight());
        if (side <= ANALYSIS_SIDE) return detectAtSize(image, timesOrNull);
        double f = (double) ANALYSIS_SIDE / side;
        StageTimes.Lap lap = StageTimes.lap(timesOrNull);
        BufferedImage small = downscaled(image, f);
        lap.end("downscale");
        return detectAtSize(small, timesOrNull).scaled(1 / f);
    }

    private static BufferedImage downscaled(BufferedImage image, double f) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * f)),
                h = Math.max(1, (int) Math.round(image.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // Halve in steps so bilinear does not skip pixels on big reductions.
            BufferedImage step = image;
            while (step.getWidth() / 2 >= w && step.getHeight() / 2 >= h) {
                BufferedImage half =
                        new BufferedImage(step.getWidth() / 2, step.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D hg = half.createGraphics();
                hg.setRenderingHint(
                        java.awt.RenderingHints.KEY_INTERPOLATION,
                        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                hg.drawImage(step, 0, 0, half.getWidth(), half.getHeight(), null);
                hg.dispose();
                step = half;
            }
            g.drawImage(step, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private Detections detectAtSize(BufferedImage image, StageTimes times) {
        List<String> missing = new ArrayList<>(unavailable);
        StageTimes.Lap lap = StageTimes.lap(times);
        List<Box> f = run("faces", faces, image, missing);
        lap.end("faces");
        List<Box> t = run("text", text, image, missing);
        lap.end("text");
        Box subject = null;
        try {
            subject = saliency.subject(image, f);
        } catch (RuntimeException e) {
            missing.add(failed("subject", e));
        }
        lap.end("subject");
        String by = saliency instanceof OnnxSaliencyModel ? Detections.SUBJECT_BY_MODEL : Detections.SUBJECT_BY_MAP;
        return new Detections(f, t, subject, missing, by);
    }

    private List<Box> run(String name, BoxDetector detector, BufferedImage image, List<String> missing) {
        if (detector == null) return List.of();
        try {
            return detector.find(image);
        } catch (RuntimeException e) {
            missing.add(failed(name, e));
            return List.of();
        }
    }

    private String failed(String name, RuntimeException e) {
        String line = name + ": failed on this image: " + e.getMessage();
        if (failedOnce.add(name)) LOG.warn("{} (logged once per detector)", line, e);
        return line;
    }

    /** Lines naming the detectors that could not be loaded. */
    public List<String> unavailable() {
        return unavailable;
    }
}
