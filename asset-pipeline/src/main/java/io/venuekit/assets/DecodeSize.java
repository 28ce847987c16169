package io.venuekit.assets;

import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.variant.Aspect;
import io.venuekit.assets.variant.VariantWidths;

import java.util.List;

/**
 * How much of the source resolution the variants can use. For each shape, the largest window of
 * that shape is what the crop can be at most; the widest variant that window gets is what the
 * decoded image must still cover. The narrowest shape (9:16 of a landscape photo) usually decides.
 */
final class DecodeSize {

    private DecodeSize() {
    }

    /** The power-of-two subsampling factor: 1 for a 4000 × 3000 photo, 2 for 50 MP. */
    static int subsampling(ImageHeader header, List<String> shapes, VariantWidths widths) {
        double allowed = Double.MAX_VALUE;
        for (String shape : shapes) {
            double windowWidth = Math.min(header.width(), header.height() * Aspect.parse(shape).ratio());
            int needed = widths.largestFor((int) Math.floor(windowWidth));
            allowed = Math.min(allowed, windowWidth / needed);
        }
        return ImageDecoder.largestPowerOfTwoAtMost(allowed);
    }
}
