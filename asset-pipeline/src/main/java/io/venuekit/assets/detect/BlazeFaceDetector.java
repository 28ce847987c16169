package io.venuekit.assets.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Faces with MediaPipe BlazeFace (keijiro's Barracuda ONNX export: the short-range 128 model
 * or the full-range 256 model). Both take one NHWC RGB square in [-1, 1] and give, for 896
 * SSD anchors (16x16 cells x 2 + 8x8 cells x 6), a score logit and 16 regressors: the box
 * centre offset and size in input pixels, then six key points, which we do not use.
 *
 * <p>The image is letterboxed into the model's square; on images much larger than the
 * model, overlapping tiles are run as well, since the models miss faces under about 8% of
 * their input side. Detections from all views are merged with weighted NMS, and a box
 * nested in a better one (the same face seen at two scales) is dropped.
 */
public final class BlazeFaceDetector implements BoxDetector {

    private final OnnxModel model;
    private final int size;
    private final double threshold;
    private final Tiling tiling;

    private BlazeFaceDetector(OnnxModel model, int size, double threshold, Tiling tiling) {
        this.model = model;
        this.size = size;
        this.threshold = threshold;
        this.tiling = tiling;
    }

    /** Loads a BlazeFace model; the input side (128 or 256) is read from the model. */
    public static BlazeFaceDetector load(Path modelFile, double threshold, Tiling tiling) {
        OnnxModel model = OnnxModel.load(modelFile);
        try {
            long[] shape = ((ai.onnxruntime.TensorInfo)
                            model.session.getInputInfo().get("input:0").getInfo())
                    .getShape();
            return new BlazeFaceDetector(model, (int) shape[1], threshold, tiling);
        } catch (OrtException | RuntimeException e) {
            throw new ModelUnavailableException("model file " + modelFile
                    + " is not a BlazeFace model (input input:0 [1,S,S,3] expected): " + e.getMessage());
        }
    }

    public int inputSize() {
        return size;
    }

    @Override
    public List<Box> find(BufferedImage image) {
        FloatBuffer pixels = model.buffers.take(size * size * 3);
        try {
            return find(image, pixels);
        } finally {
            model.buffers.give(pixels);
        }
    }

    private List<Box> find(BufferedImage image, FloatBuffer pixels) {
        List<Box> views = tiling.views(image.getWidth(), image.getHeight(), size);
        Letterbox whole = Letterbox.of(image, views.get(0), size, pixels);
        double low = views.size() > 1 && tiling.gate() > 0 ? Math.min(threshold, tiling.gate()) : threshold;
        List<Box> raw = decoded(pixels, low);
        List<Box> all = new ArrayList<>();
        for (Box face : OverlapRemoval.weighted(above(raw, threshold), OverlapRemoval.FACE_IOU)) {
            all.add(whole.toImage(face).clipped(image.getWidth(), image.getHeight()));
        }
        List<Box> candidates = views.size() > 1 && tiling.gate() > 0
                ? OverlapRemoval.weighted(raw, OverlapRemoval.FACE_IOU).stream()
                        .map(whole::toImage)
                        .toList()
                : List.of();
        for (Box view : views.subList(1, views.size())) {
            if (!tiling.worthRunning(view, candidates)) continue;
            Letterbox box = Letterbox.of(image, view, size, pixels);
            for (Box face : detectSquare(pixels)) {
                if (view.w() < image.getWidth() && !fullyInsideTile(face, box)) {
                    continue; // a face cut by a tile edge is found whole by the neighbouring view
                }
                all.add(box.toImage(face).clipped(image.getWidth(), image.getHeight()));
            }
        }
        return OverlapRemoval.mergedFaces(all);
    }

    private static List<Box> above(List<Box> boxes, double threshold) {
        return boxes.stream().filter(b -> b.score() > threshold).toList();
    }

    private boolean fullyInsideTile(Box face, Letterbox box) {
        double m = 1;
        return face.x() > box.offsetX() + m
                && face.y() > box.offsetY() + m
                && face.right() < box.offsetX() + box.contentWidth() - m
                && face.bottom() < box.offsetY() + box.contentHeight() - m;
    }

    /** Runs the model on one {@code size x size} NHWC RGB tensor in [-1,1]; boxes in model pixels. */
    List<Box> detectSquare(FloatBuffer nhwc) {
        return OverlapRemoval.weighted(decoded(nhwc, threshold), OverlapRemoval.FACE_IOU);
    }

    /** The anchors scoring above {@code minScore}, before overlap removal; boxes in model pixels. */
    private List<Box> decoded(FloatBuffer nhwc, double minScore) {
        try (OnnxTensor input = OnnxTensor.createTensor(OnnxModel.ENV, nhwc, new long[] {1, size, size, 3});
                OrtSession.Result result = model.session.run(Map.of("input:0", input))) {
            float[] scores16 = flat(result, "Identity:0");
            float[] scores8 = flat(result, "Identity_1:0");
            float[] boxes16 = flat(result, "Identity_2:0");
            float[] boxes8 = flat(result, "Identity_3:0");
            List<Box> found = new ArrayList<>();
            decode(scores16, boxes16, 16, 2, size, minScore, found);
            decode(scores8, boxes8, 8, 6, size, minScore, found);
            return found;
        } catch (OrtException e) {
            throw new IllegalStateException("BlazeFace " + model.file + " failed to run: " + e.getMessage(), e);
        }
    }

    private static float[] flat(OrtSession.Result result, String name) throws OrtException {
        OnnxTensor t = (OnnxTensor)
                result.get(name).orElseThrow(() -> new IllegalStateException("BlazeFace output " + name + " missing"));
        FloatBuffer fb = t.getFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
    }

    /**
     * Decodes one anchor layer as keijiro's Postprocess1Kernel.hlsl does: anchors sit at cell
     * centres ({@code (cell + 0.5) / cells}) with a fixed unit size, the regressors are offsets
     * in input pixels. Appends boxes scoring above {@code threshold} to {@code out}, in input pixels.
     */
    static void decode(
            float[] scoreLogits,
            float[] regressors,
            int cells,
            int anchorsPerCell,
            int inputSize,
            double threshold,
            List<Box> out) {
        int stride = regressors.length / scoreLogits.length;
        for (int cy = 0; cy < cells; cy++) {
            for (int cx = 0; cx < cells; cx++) {
                double ax = (cx + 0.5) / cells * inputSize, ay = (cy + 0.5) / cells * inputSize;
                for (int a = 0; a < anchorsPerCell; a++) {
                    int i = (cy * cells + cx) * anchorsPerCell + a;
                    double score = sigmoid(scoreLogits[i]);
                    if (score <= threshold) continue;
                    int r = i * stride;
                    double x = ax + regressors[r], y = ay + regressors[r + 1];
                    double w = regressors[r + 2], h = regressors[r + 3];
                    if (w <= 0 || h <= 0) continue;
                    out.add(new Box(x - w / 2, y - h / 2, w, h, score));
                }
            }
        }
    }

    static double sigmoid(double logit) {
        // The export's logits can be large; clamping as MediaPipe does (score_clipping_thresh 100).
        double z = Math.max(-100, Math.min(100, logit));
        return 1 / (1 + Math.exp(-z));
    }
}
