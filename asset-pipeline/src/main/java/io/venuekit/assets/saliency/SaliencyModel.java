package io.venuekit.assets.saliency;

import java.awt.image.BufferedImage;

/** Estimates where the eye goes in an image. Implementations are thread-safe. */
@FunctionalInterface
public interface SaliencyModel {
    SaliencyMap estimate(BufferedImage image);

    /** How to read this model's maps as a subject box. */
    default SubjectFinder subjectFinder() {
        return SubjectFinder.DEFAULT;
    }
}
