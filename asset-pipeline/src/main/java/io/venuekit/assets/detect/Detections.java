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
 * @param subjectBy   what estimated the subject: {@link #SUBJECT_BY_MAP}, {@link #SUBJECT_BY_MODEL},
 *                    {@link #SUBJECT_BY_MAP_MODEL_FAILED}, or null when not recorded
 */
public record Detections(List<Box> faces, List<Box> text, Box subject, List<String> unavailable, String subjectBy) {

    /** The classical saliency map (fast; the first estimate when a model refines it later). */
    public static final String SUBJECT_BY_MAP = "saliency map";
    /** A salient-object model ({@code saliency.onnx}). */
    public static final String SUBJECT_BY_MODEL = "salient-object model";
    /** The map's estimate kept because the model failed on this image: not tried again. */
    public static final String SUBJECT_BY_MAP_MODEL_FAILED = "saliency map (the model failed)";

    public static final Detections NONE = new Detections(List.of(), List.of(), null, List.of());

    public Detections {
        faces = List.copyOf(faces);
        text = List.copyOf(text);
        unavailable = List.copyOf(unavailable);
    }

    public Detections(List<Box> faces, List<Box> text, Box subject, List<String> unavailable) {
        this(faces, text, subject, unavailable, null);
    }

    /** The same faces and text with another subject estimate. */
    public Detections withSubject(Box subject, String by, List<String> unavailable) {
        return new Detections(faces, text, subject, unavailable, by);
    }

    /** The same detections in an image scaled by {@code factor}. */
    public Detections scaled(double factor) {
        return new Detections(
                faces.stream().map(b -> b.scaled(factor)).toList(),
                text.stream().map(b -> b.scaled(factor)).toList(),
                subject == null ? null : subject.scaled(factor),
                unavailable,
                subjectBy);
    }
}
