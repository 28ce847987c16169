package io.venuekit.assets.detect;

import java.util.List;

/**
 * What the detectors found in one image, in the analysed image's pixels.
 *
 * @param faces       face boxes
 * @param text        text (word or line) boxes
 * @param subject     the salient subject's box, or null when none was found
 * @param unavailable one line per detector that could not run, e.g.
 *                    "faces: model file models/face_detection_front_128x128_barracuda.onnx missing"
 */
public record Detections(List<Box> faces, List<Box> text, Box subject, List<String> unavailable) {

    public static final Detections NONE = new Detections(List.of(), List.of(), null, List.of());

    public Detections {
        faces = List.copyOf(faces);
        text = List.copyOf(text);
        unavailable = List.copyOf(unavailable);
    }

    /** The same detections in an image scaled by {@code factor}. */
    public Detections scaled(double factor) {
        return new Detections(
                faces.stream().map(b -> b.scaled(factor)).toList(),
                text.stream().map(b -> b.scaled(factor)).toList(),
                subject == null ? null : subject.scaled(factor),
                unavailable);
    }
}
