package io.venuekit.assets.saliency;

import io.venuekit.assets.detect.Box;
import java.awt.image.BufferedImage;
import java.util.List;

/** Estimates where the eye goes in an image. Implementations are thread-safe. */
@FunctionalInterface
public interface SaliencyModel {
    SaliencyMap estimate(BufferedImage image);

    /** How to read this model's maps as a subject box. */
    default SubjectFinder subjectFinder() {
        return SubjectFinder.DEFAULT;
    }

    /** The subject's box in {@code image}'s pixels, or null; {@code faces} found in it may help. */
    default Box subject(BufferedImage image, List<Box> faces) {
        return subjectFinder().find(estimate(image), image.getWidth(), image.getHeight());
    }
}
