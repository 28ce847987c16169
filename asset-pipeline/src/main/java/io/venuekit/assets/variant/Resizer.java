package io.venuekit.assets.variant;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Cuts a region out of an image and scales it down with Thumbnailator, using an area-average
 * resizer (see {@link AreaAverageResizer}: the exact mean of each covered area, which antialiases
 * like Thumbnailator's progressive bilinear at a quarter of its CPU). Returns a new image; never upscales.
 */
public final class Resizer {

    private static final AreaAverageResizer AREA_AVERAGE = new AreaAverageResizer();

    /** The region of {@code source} scaled to exactly {@code width} × {@code height}. */
    public BufferedImage resize(BufferedImage source, Rectangle region, int width, int height) {
        // One pixel of slack: the crop was rounded to whole pixels, the target height to the shape.
        if (width > region.width || height > region.height + 1) {
            throw new IllegalArgumentException(
                    "refusing to upscale " + region.width + " × " + region.height + " to " + width + " × " + height);
        }
        try {
            return Thumbnails.of(source)
                    .sourceRegion(region)
                    .forceSize(width, height)
                    .resizer(AREA_AVERAGE)
                    .imageType(BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException("resizing in memory failed", e);
        }
    }

    /** The whole of {@code source} scaled to {@code width} × {@code height}. */
    public BufferedImage resize(BufferedImage source, int width, int height) {
        return resize(source, new Rectangle(0, 0, source.getWidth(), source.getHeight()), width, height);
    }
}
