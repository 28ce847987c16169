package io.venuekit.assets.detect;

import java.awt.image.BufferedImage;
import java.util.List;

/** One kind of detector (faces, text): boxes in the given image's pixels. Thread-safe. */
@FunctionalInterface
public interface BoxDetector {
    List<Box> find(BufferedImage image);
}
