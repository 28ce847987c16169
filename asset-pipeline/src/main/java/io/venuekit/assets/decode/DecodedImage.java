package io.venuekit.assets.decode;

import java.awt.image.BufferedImage;

/**
 * An upright, opaque sRGB image ({@code TYPE_INT_RGB}) and where it came from.
 *
 * @param header          the source's header facts
 * @param image           the pixels, oriented; smaller than the source by {@code subsampling}
 * @param subsampling     the power-of-two factor the decoder read every n-th pixel with (1 = full size)
 * @param alphaFlattened  whether the source had transparency, now laid over white
 */
public record DecodedImage(ImageHeader header, BufferedImage image, int subsampling, boolean alphaFlattened) {

    /** Decoded pixels per source pixel (1.0 when not subsampled). */
    public double scale() {
        return image.getWidth() / (double) header.width();
    }
}
