package io.venuekit.assets.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Text regions with PaddleOCR's PP-OCRv4 detection model (a DB net): the image, scaled so its
 * short side is {@code minSide} (never up, and the long side at most {@code maxSide}) and both
 * sides rounded to multiples of 32, goes in as NCHW in
 * PaddleOCR's order (BGR, ImageNet mean and std); out comes a text probability map, which
 * {@link ProbabilityMapBoxes} turns into boxes.
 */
public final class TextDetector implements BoxDetector {

    // PaddleOCR reads images with OpenCV (BGR) and normalises in that channel order.
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OnnxModel model;
    private final int minSide;
    private final int maxSide;
    private final ProbabilityMapBoxes boxes;
    private final String outputName;

    private TextDetector(OnnxModel model, int minSide, int maxSide, ProbabilityMapBoxes boxes) {
        this.model = model;
        this.outputName = model.session.getOutputNames().iterator().next();
        this.minSide = minSide;
        this.maxSide = maxSide;
        this.boxes = boxes;
    }

    public static TextDetector load(Path modelFile, int maxSide) {
        return load(modelFile, maxSide, maxSide);
    }

    /**
     * The model's cost grows with its input's area, and the words worth keeping whole are those a
     * reader can see in a crop, a share of the picture rather than a number of pixels: so the input
     * is sized from the image's short side ({@code minSide}), capped at {@code maxSide} on the long side.
     */
    public static TextDetector load(Path modelFile, int minSide, int maxSide) {
        return new TextDetector(OnnxModel.load(modelFile), minSide, maxSide, ProbabilityMapBoxes.DB_DEFAULTS);
    }

    @Override
    public List<Box> find(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        double scale = Math.min(1.0, Math.min((double) minSide / Math.min(w, h), (double) maxSide / Math.max(w, h)));
        int iw = roundTo32(w * scale), ih = roundTo32(h * scale);
        float[] map = new float[iw * ih];
        FloatBuffer input = model.buffers.take(3 * iw * ih), output = model.buffers.take(iw * ih);
        try {
            toTensor(image, iw, ih, input);
            try (OnnxTensor x = OnnxTensor.createTensor(OnnxModel.ENV, input, new long[] {1, 3, ih, iw});
                    OnnxTensor y = OnnxTensor.createTensor(OnnxModel.ENV, output, new long[] {1, 1, ih, iw});
                    OrtSession.Result ignored = model.session.run(Map.of("x", x), Map.of(outputName, y))) {
                output.get(0, map);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCR det " + model.file + " failed to run: " + e.getMessage(), e);
        } finally {
            model.buffers.give(input);
            model.buffers.give(output);
        }
        double sx = (double) w / iw, sy = (double) h / ih;
        return boxes.find(map, iw, ih).stream()
                .map(b -> new Box(b.x() * sx, b.y() * sy, b.w() * sx, b.h() * sy, b.score()).clipped(w, h))
                .filter(b -> b.area() > 0)
                .filter(b -> hasStrokes(image, b))
                .toList();
    }

    /** Below this luminance spread (0..255) a region is a flat patch, not writing. */
    static final double MIN_STROKE_SPREAD = 3;

    /**
     * The DB net also fires on flat, saturated blocks (a red square scores 0.99); writing
     * always has strokes against a background, so a region without luminance spread is dropped.
     */
    static boolean hasStrokes(BufferedImage image, Box grown) {
        // Judge the inner part: the unclipped box's rim is background by design.
        Box b = grown.expanded(-0.15);
        int x0 = (int) Math.floor(b.x()), y0 = (int) Math.floor(b.y());
        int x1 = Math.min(image.getWidth(), (int) Math.ceil(b.right())),
                y1 = Math.min(image.getHeight(), (int) Math.ceil(b.bottom()));
        int step = Math.max(1, (int) Math.sqrt((double) (x1 - x0) * (y1 - y0) / 4096));
        double sum = 0, sq = 0;
        int n = 0;
        for (int y = y0; y < y1; y += step) {
            for (int x = x0; x < x1; x += step) {
                int p = image.getRGB(x, y);
                double l = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
                sum += l;
                sq += l * l;
                n++;
            }
        }
        if (n == 0) return false;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean)) >= MIN_STROKE_SPREAD;
    }

    private static int roundTo32(double side) {
        return Math.max(32, (int) Math.round(side / 32) * 32);
    }

    /** The image scaled to {@code w x h} as NCHW BGR, normalised, into {@code out}. */
    private static void toTensor(BufferedImage image, int w, int h, FloatBuffer out) {
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        // TYPE_INT_RGB's own pixels (getRGB would convert each through the colour model).
        int[] rgb = ((DataBufferInt) scaled.getRaster().getDataBuffer()).getData();
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            float r = ((p >> 16) & 0xff) / 255f, gr = ((p >> 8) & 0xff) / 255f, b = (p & 0xff) / 255f;
            out.put(i, (b - MEAN[0]) / STD[0]);
            out.put(plane + i, (gr - MEAN[1]) / STD[1]);
            out.put(2 * plane + i, (r - MEAN[2]) / STD[2]);
        }
    }
}
