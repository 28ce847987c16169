package io.venuekit.assets.detect;

import java.awt.image.BufferedImage;

/** Finds faces, text and the subject in an image. Implementations are thread-safe. */
@FunctionalInterface
public interface Detector {
    Detections detect(BufferedImage image);
}
