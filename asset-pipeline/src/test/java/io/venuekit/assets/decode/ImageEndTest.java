package io.venuekit.assets.decode;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.RejectionReason;
import io.venuekit.assets.TestImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The upload-time scan: the same verdict as the decoder, without decoding. */
class ImageEndTest {

    private static final BufferedImage PICTURE = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);

    private static void require(byte[] bytes) {
        ImageEnd.require(HeaderReader.read(bytes, ImageLimits.DEFAULT), bytes);
    }

    @Test
    void completeFilesPassAlsoWithBytesAppendedAfterTheEnd() {
        for (byte[] file : new byte[][] {TestImages.jpeg(PICTURE), TestImages.encode(PICTURE, "png")}) {
            assertDoesNotThrow(() -> require(file));
            byte[] padded = Arrays.copyOf(file, file.length + 16);
            assertDoesNotThrow(() -> require(padded));
        }
    }

    @Test
    void aJpegOrPngCutShortIsCorrupt() {
        for (byte[] file : new byte[][] {TestImages.jpeg(PICTURE), TestImages.encode(PICTURE, "png")}) {
            byte[] cut = Arrays.copyOf(file, file.length - 12); // the PNG loses its whole IEND chunk
            AssetRejectedException e = assertThrows(AssetRejectedException.class, () -> require(cut));
            assertEquals(RejectionReason.CORRUPT, e.reason());
        }
    }
}
