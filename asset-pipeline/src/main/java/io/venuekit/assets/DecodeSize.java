package io.venuekit.assets;

import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.variant.Aspect;
import io.venuekit.assets.variant.VariantWidths;
import java.util.List;

/**
 * How much of the source resolution the variants can use. For each shape, the largest window of
 * that shape is what its crop can be at most; the widest variant that window gets is what the
 * working image must still cover. The narrowest shape (9:16 of a landscape photo) usually decides.
 */
final class DecodeSize {

    /** Rounding of crops to whole pixels must not push a crop just below the widest variant. */
    private static final double MARGIN = 1.02;

    private DecodeSize() {}

    /**
     * The fraction of the source's resolution that every shape needs, at most 1: 0.65 for a
     * 4000 × 3000 photo (its 9:16 window is 1687 px wide and needs 1080).
     */
    static double workingScale(ImageHeader header, List<String> shapes, VariantWidths widths) {
        double needed = 0;
        for (String shape : shapes) {
            double windowWidth = Math.min(
                    header.width(), header.height() * Aspect.parse(shape).ratio());
            int widest = widths.largestFor((int) Math.floor(windowWidth));
            needed = Math.max(needed, widest / windowWidth);
        }
        return Math.min(1.0, needed * MARGIN);
    }

    /** The decoder's power-of-two subsampling for {@link #workingScale}: 1 for 12 MP, 2 for 50 MP. */
    static int subsampling(ImageHeader header, List<String> shapes, VariantWidths widths) {
        return ImageDecoder.subsamplingFor(header, workingScale(header, shapes, widths));
    }
}
