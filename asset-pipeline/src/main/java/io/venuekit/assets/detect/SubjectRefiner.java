package io.venuekit.assets.detect;

import java.awt.image.BufferedImage;

/**
 * A better but slower estimate of the subject than the one {@link Detector} gives: a salient-object
 * model takes seconds where the classical map takes milliseconds, so the pipeline makes a first
 * result without it and refines the crops afterwards. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SubjectRefiner {

    /** The subject's box in {@code image}'s pixels, or null when there is none. */
    Box subject(BufferedImage image);
}
