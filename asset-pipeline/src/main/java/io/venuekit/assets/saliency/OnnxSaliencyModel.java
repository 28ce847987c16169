package io.venuekit.assets.saliency;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A salient-object model with the U2-Net / ISNet contract: one NCHW RGB input (side read from
 * the model, 320 when it is dynamic) scaled as the model was trained ({@link InputNormalisation},
 * from the sidecar beside the model; ImageNet's mean and std without one), first output a
 * 1x1xHxW map (probabilities, min-max normalised as U2-Net's own demo does).
 */
public final class OnnxSaliencyModel implements SaliencyModel {

    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final int side;
    private final InputNormalisation normalisation;

    private OnnxSaliencyModel(
            OrtSession session, String inputName, String outputName, int side, InputNormalisation normalisation) {
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
        this.side = side;
        this.normalisation = normalisation;
    }

    /**
     * Loads the model and the input scaling beside it ({@link InputNormalisation#besideModel}); a
     * {@code "side"} in the same sidecar runs a model exported for a fixed square side at that side
     * instead ({@link ModelInputSide}): ISNet's cost grows with the input's area.
     */
    public static OnnxSaliencyModel load(Path file) {
        InputNormalisation normalisation = InputNormalisation.besideModel(file);
        Integer wantedSide = InputNormalisation.sideBesideModel(file);
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // As the detectors (OnnxModel): one thread per run, since the server runs several jobs at once.
            options.setIntraOpNumThreads(1);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession s;
            if (wantedSide == null) {
                s = OrtEnvironment.getEnvironment().createSession(file.toString(), options);
            } else {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                int exported = ModelInputSide.squareInputSide(bytes);
                if (exported <= 0) {
                    throw new IllegalArgumentException(
                            "saliency model " + file + ": \"side\" needs a model with a fixed square input");
                }
                s = OrtEnvironment.getEnvironment()
                        .createSession(ModelInputSide.resized(bytes, exported, wantedSide), options);
            }
            Map.Entry<String, NodeInfo> in =
                    s.getInputInfo().entrySet().iterator().next();
            long[] shape = ((TensorInfo) in.getValue().getInfo()).getShape();
            int side = shape.length == 4 && shape[2] > 0 ? (int) shape[2] : 320;
            return new OnnxSaliencyModel(
                    s, in.getKey(), s.getOutputNames().iterator().next(), side, normalisation);
        } catch (OrtException | java.io.IOException e) {
            throw new IllegalStateException("saliency model " + file + " failed to load: " + e.getMessage(), e);
        }
    }

    public int inputSide() {
        return side;
    }

    public InputNormalisation normalisation() {
        return normalisation;
    }

    @Override
    public SaliencyMap estimate(BufferedImage image) {
        try (OnnxTensor x = OnnxTensor.createTensor(
                        OrtEnvironment.getEnvironment(),
                        FloatBuffer.wrap(toTensor(image, side, normalisation)),
                        new long[] {1, 3, side, side});
                // Only the map: ISNet also returns its side outputs and features (tens of MB per run).
                OrtSession.Result r = session.run(Map.of(inputName, x), java.util.Set.of(outputName))) {
            OnnxTensor out = (OnnxTensor) r.get(0);
            long[] shape = out.getInfo().getShape();
            FloatBuffer fb = out.getFloatBuffer();
            float[] values = new float[fb.remaining()];
            fb.get(values);
            return toMap(values, (int) shape[shape.length - 1], (int) shape[shape.length - 2]);
        } catch (OrtException e) {
            throw new IllegalStateException("saliency model failed to run: " + e.getMessage(), e);
        }
    }

    /** The image squashed to {@code side x side}, NCHW RGB, scaled as the model expects. */
    static float[] toTensor(BufferedImage image, int side, InputNormalisation n) {
        BufferedImage s = Grids.scaled(image, side, side);
        int[] rgb = s.getRGB(0, 0, side, side, null, 0, side);
        int plane = side * side;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out[i] = n.apply(0, (p >> 16) & 0xff);
            out[plane + i] = n.apply(1, (p >> 8) & 0xff);
            out[2 * plane + i] = n.apply(2, p & 0xff);
        }
        return out;
    }

    @Override
    public SubjectFinder subjectFinder() {
        return SubjectFinder.SEGMENTATION;
    }

    /**
     * Below this peak probability the model saw no object (an all-black image peaks at 0.03 with
     * ISNet; on crop-dev the one photo under it is a street scene whose ground truth has no subject):
     * the map is left flat, so no subject is made up from min-max-stretched noise.
     */
    static final float MIN_PEAK = 0.1f;

    /** The model's output as a map, min-max normalised; the squashing is undone by the map's own grid. */
    static SaliencyMap toMap(float[] values, int width, int height) {
        float peak = 0;
        for (float v : values) peak = Math.max(peak, v);
        if (peak < MIN_PEAK) return new SaliencyMap(width, height, new float[values.length]);
        return new SaliencyMap(width, height, Grids.normalised(values));
    }
}
