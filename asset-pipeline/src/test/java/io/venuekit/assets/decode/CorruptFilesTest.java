package io.venuekit.assets.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.RejectionReason;
import io.venuekit.assets.TestImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cut-off and damaged uploads are refused as CORRUPT (422), and good files with oddities are not. */
class CorruptFilesTest {

    /** Noise, so the compressed data is long enough to cut in the middle of the pixels. */
    private static BufferedImage noise(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void assertCorrupt(byte[] bytes) {
        AssetRejectedException e = assertThrows(
                AssetRejectedException.class, () -> new ImageDecoder().decode(bytes, ImageLimits.DEFAULT, 0));
        assertEquals(RejectionReason.CORRUPT, e.reason());
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void refusesATruncatedBaselineJpeg() {
        byte[] jpeg = TestImages.jpeg(noise(200, 150));
        assertCorrupt(Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
    }

    @Test
    void refusesATruncatedProgressiveJpeg() {
        byte[] jpeg = TestImages.progressiveJpeg(noise(200, 150));
        assertCorrupt(Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
    }

    @Test
    void refusesAJpegCutJustBeforeItsEndMarker() {
        byte[] jpeg = TestImages.jpeg(noise(64, 64));
        assertCorrupt(Arrays.copyOf(jpeg, jpeg.length - 2));
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = TestImages.encode(noise(200, 150), "png");
        assertCorrupt(Arrays.copyOf(png, png.length / 2));
    }

    @Test
    void refusesATruncatedWebpNamingTheFormatAsMerchantsKnowIt() {
        byte[] webp = TestImages.webp(noise(200, 150));
        AssetRejectedException e = assertThrows(
                AssetRejectedException.class,
                () -> new ImageDecoder().decode(Arrays.copyOf(webp, webp.length / 2), ImageLimits.DEFAULT, 0));
        assertEquals(RejectionReason.CORRUPT, e.reason());
        assertTrue(e.getMessage().startsWith("The WebP file is damaged: "), e.getMessage());
    }

    @Test
    void refusesATruncatedGif() {
        byte[] gif = TestImages.encode(noise(200, 150), "gif");
        assertCorrupt(Arrays.copyOf(gif, gif.length * 9 / 10));
    }

    @Test
    void refusesATruncatedTiff() {
        byte[] tiff = TestImages.encode(noise(200, 150), "tiff");
        assertCorrupt(Arrays.copyOf(tiff, tiff.length / 2));
    }

    @Test
    void refusesAHeaderWithNothingBehindIt() {
        byte[] png = TestImages.encode(noise(20, 20), "png");
        assertCorrupt(Arrays.copyOf(png, 40)); // signature and IHDR only
    }

    @Test
    void acceptsAJpegWithDataAfterItsEndMarker() {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48));
        byte[] trailer = new byte[jpeg.length + 500];
        System.arraycopy(jpeg, 0, trailer, 0, jpeg.length);
        Arrays.fill(trailer, jpeg.length, trailer.length, (byte) 0x55);
        DecodedImage decoded = new ImageDecoder().decode(trailer, ImageLimits.DEFAULT, 0);
        TestImages.assertQuadrants(decoded.image(), 12);
    }
}
