package io.venuekit.assets;

import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.decode.ImageFormat;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.decode.Orientation;
import io.venuekit.assets.variant.VariantWidths;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecodeSizeTest {

    private static int subsampling(int w, int h) {
        ImageHeader header = new ImageHeader(ImageFormat.JPEG, w, h, Orientation.NORMAL, "RGB", false, false, 1);
        return DecodeSize.subsampling(header, CropPlanner.SHAPES, VariantWidths.DEFAULT);
    }

    @Test
    void aTwelveMegapixelPhotoIsDecodedInFullBecauseItsNineBySixteenCropNeedsIt() {
        // 9:16 of 4000 × 3000 is 1687 px wide; at 1/2 it would be 843, short of the 1080 variant.
        assertEquals(1, subsampling(4000, 3000));
    }

    @Test
    void fiftyMegapixelsAreDecodedAtHalfSize() {
        assertEquals(2, subsampling(8660, 5773));
    }

    @Test
    void aHugeSquareIsDecodedSmaller() {
        // 9:16 of 8000 × 8000 is 4500 px wide: 1/4 still leaves 1125 for the 1080 variant.
        assertEquals(4, subsampling(8000, 8000));
        assertEquals(2, subsampling(7000, 7000));
    }

    @Test
    void smallImagesAreNeverSubsampled() {
        assertEquals(1, subsampling(300, 200));
        assertEquals(1, subsampling(1, 1));
    }
}
