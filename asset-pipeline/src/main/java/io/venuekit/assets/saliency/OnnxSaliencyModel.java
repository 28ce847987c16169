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
 * the model, 320 when it is dynamic) normalised with ImageNet mean and std, first output a
 * 1x1xHxW map (probabilities, min-max normalised as U2-Net's own demo does).
 */
public final class OnnxSaliencyModel implements SaliencyModel {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OrtSession session;
    private final String inputName;
    private final int side;

    private OnnxSaliencyModel(OrtSession session, String inputName, int side) {
        this.session = session;
        this.inputName = inputName;
        this.side = side;
    }

    public static OnnxSaliencyModel load(Path file) {
        try {
            OrtSession s = OrtEnvironment.getEnvironment().createSession(file.toString(), new OrtSession.SessionOptions());
            Map.Entry<String, NodeInfo> in = s.getInputInfo().entrySet().iterator().next();
            long[] shape = ((TensorInfo) in.getValue().getInfo()).getShape();
            int side = shape.length == 4 && shape[2] > 0 ? (int) shape[2] : 320;
            return new OnnxSaliencyModel(s, in.getKey(), side);
        } catch (OrtException e) {
            throw new IllegalStateException("saliency model " + file + " failed to load: " + e.getMessage(), e);
        }
    }

    @Override
    public SaliencyMap estimate(BufferedImage image) {
        try (OnnxTensor x = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(toTensor(image, side)),
                new long[]{1, 3, side, side});
             OrtSession.Result r = session.run(Map.of(inputName, x))) {
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

    /** The image squashed to {@code side x side}, NCHW RGB, ImageNet-normalised, as U2-Net expects. */
    static float[] toTensor(BufferedImage image, int side) {
        BufferedImage s = Grids.scaled(image, side, side);
        int[] rgb = s.getRGB(0, 0, side, side, null, 0, side);
        int plane = side * side;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out[i] = (((p >> 16) & 0xff) / 255f - MEAN[0]) / STD[0];
            out[plane + i] = (((p >> 8) & 0xff) / 255f - MEAN[1]) / STD[1];
            out[2 * plane + i] = ((p & 0xff) / 255f - MEAN[2]) / STD[2];
        }
        return out;
    }

    @Override
    public SubjectFinder subjectFinder() {
        return SubjectFinder.SEGMENTATION;
    }

    /** The model's output as a map, min-max normalised; the squashing is undone by the map's own grid. */
    static SaliencyMap toMap(float[] values, int width, int height) {
        return new SaliencyMap(width, height, Grids.normalised(values));
    }
}
