package io.venuekit.assets.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.RejectionReason;
import io.venuekit.assets.TestImages;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeaderReaderTest {

    @Test
    void refusesAHeaderBombWithoutAllocatingItsPixels() {
        byte[] bomb = TestImages.pngHeaderBomb(20000, 20000);
        assertTrue(bomb.length < 200, "the bomb is tiny: " + bomb.length + " bytes");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        AssetRejectedException e = assertThrows(
                AssetRejectedException.class, () -> new ImageDecoder().decode(bomb, ImageLimits.DEFAULT, 0));

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(RejectionReason.TOO_LARGE, e.reason());
        assertEquals(413, e.httpStatus());
        assertEquals(
                "20,000 × 20,000 pixels is over the 50 MP limit (it is 400 MP). Resize it and upload again.",
                e.getMessage());
        // Decoding would need 1.6 GB (20000² int pixels); reading the header needs a few MB of readers at most.
        assertTrue(allocated < 32L * 1024 * 1024, "allocated " + allocated + " bytes before refusing");
    }

    @Test
    void refusesAJpegClaimingTooManyPixels() {
        byte[] jpeg = TestImages.jpeg(TestImages.solid(16, 16, TestImages.RED));
        patchJpegSize(jpeg, 9000, 6000); // 54 MP
        AssetRejectedException e =
                assertThrows(AssetRejectedException.class, () -> HeaderReader.read(jpeg, ImageLimits.DEFAULT));
        assertEquals(RejectionReason.TOO_LARGE, e.reason());
        assertTrue(
                e.getMessage().startsWith("9,000 × 6,000 pixels is over the 50 MP limit (it is 54 MP)"),
                e.getMessage());
    }

    @Test
    void refusesTooManyBytesBeforeLookingAtThem() {
        byte[] notEvenAnImage = new byte[3 * 1024 * 1024];
        AssetRejectedException e = assertThrows(
                AssetRejectedException.class,
                () -> HeaderReader.read(notEvenAnImage, new ImageLimits(2L * 1024 * 1024, 50_000_000)));
        assertEquals(RejectionReason.TOO_LARGE, e.reason());
        assertEquals(
                "The file is 3.0 MB; the limit is 2.0 MB. Export it smaller (for example as a JPEG at quality 85) "
                        + "and upload again.",
                e.getMessage());
    }

    @Test
    void acceptsExactlyTheLimit() {
        byte[] png = TestImages.encode(TestImages.solid(100, 50, TestImages.RED), "png");
        ImageHeader header = HeaderReader.read(png, new ImageLimits(png.length, 5000));
        assertEquals(5000, header.pixels());
    }

    @Test
    void readsJpegFacts() {
        byte[] jpeg = TestImages.withExifOrientation(TestImages.progressiveJpeg(TestImages.quadrants(40, 30)), 6);
        ImageHeader header = HeaderReader.read(jpeg, ImageLimits.DEFAULT);
        assertEquals(ImageFormat.JPEG, header.format());
        assertTrue(header.progressive());
        assertEquals(Orientation.ROTATE_90_CW, header.orientation());
        assertEquals(40, header.storedWidth());
        assertEquals(30, header.width(), "seen width is the stored height when turned");
        assertEquals("RGB", header.colourSpace());
    }

    @Test
    void readsCmykFacts() {
        ImageHeader header = HeaderReader.read(TestImages.resource("ycck-icc.jpg"), ImageLimits.DEFAULT);
        assertEquals("YCCK", header.colourSpace());
        assertTrue(header.iccProfile());
    }

    /** Rewrites the size in the first SOF segment of a JPEG. */
    private static void patchJpegSize(byte[] jpeg, int width, int height) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return;
            }
        }
        throw new IllegalStateException("no SOF");
    }
}
