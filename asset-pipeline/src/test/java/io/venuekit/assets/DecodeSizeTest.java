package io.venuekit.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.decode.ImageFormat;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.decode.Orientation;
import io.venuekit.assets.variant.VariantWidths;
import org.junit.jupiter.api.Test;

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
    void leavesTwiceTheNeededResolutionForTheResizerToAverageWhenMemoryAllows() {
        // Only 240-px variants: the 9:16 window of 6000 × 4000 (2250 px) needs ~0.11 of the
        // resolution; 1/8 would cover it, 1/4 leaves twice that so subsampling does not alias.
        ImageHeader header = new ImageHeader(ImageFormat.JPEG, 6000, 4000, Orientation.NORMAL, "RGB", false, false, 1);
        assertEquals(4, DecodeSize.subsampling(header, CropPlanner.SHAPES, new VariantWidths(java.util.List.of(240))));
    }

    @Test
    void halvesFurtherWhenTheDecodeWouldExceedTheMemoryBudget() {
        // 9:16 of 7000 × 7000 needs 0.28: full size would be the 2x margin, but 49 MP is over the 16 MP budget.
        assertEquals(2, subsampling(7000, 7000));
        // 8000 × 8000 needs 0.24: 1/2 is exactly 16 MP, within budget, so it stops there rather than 1/4.
        assertEquals(2, subsampling(8000, 8000));
    }

    @Test
    void smallImagesAreNeverSubsampled() {
        assertEquals(1, subsampling(300, 200));
        assertEquals(1, subsampling(1, 1));
    }
}
