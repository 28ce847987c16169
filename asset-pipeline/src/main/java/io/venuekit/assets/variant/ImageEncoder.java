package io.venuekit.assets.variant;

import java.awt.image.BufferedImage;

/** Encodes an opaque sRGB image into one file format. Implementations are thread-safe. */
@FunctionalInterface
public interface ImageEncoder {
    byte[] encode(BufferedImage image);
}
