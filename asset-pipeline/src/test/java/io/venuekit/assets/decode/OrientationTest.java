package io.venuekit.assets.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.venuekit.assets.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXIF orientations 1-8. The stored image is built from the EXIF specification's own wording
 * ("the 0th row is the visual right side, the 0th column the visual top", ...), not from the code
 * under test, so a swapped 6 and 8 cannot pass by being wrong twice.
 */
class OrientationTest {

    private static final int UPRIGHT_W = 64;
    private static final int UPRIGHT_H = 32;

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegIsTurnedUpright(int orientation) {
        BufferedImage upright = TestImages.quadrants(UPRIGHT_W, UPRIGHT_H);
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(stored(upright, orientation)), orientation);

        DecodedImage decoded = new ImageDecoder().decode(jpeg, ImageLimits.DEFAULT, 0);

        assertEquals(orientation, decoded.header().orientation().exifValue());
        assertEquals(UPRIGHT_W, decoded.image().getWidth());
        assertEquals(UPRIGHT_H, decoded.image().getHeight());
        assertEquals(UPRIGHT_W, decoded.header().width());
        TestImages.assertQuadrants(decoded.image(), 12);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {0, 9, 300})
    void outOfRangeValuesAreTreatedAsUpright(int value) {
        byte[] jpeg =
                TestImages.withExifOrientation(TestImages.jpeg(TestImages.quadrants(UPRIGHT_W, UPRIGHT_H)), value);
        DecodedImage decoded = new ImageDecoder().decode(jpeg, ImageLimits.DEFAULT, 0);
        assertEquals(Orientation.NORMAL, decoded.header().orientation());
        TestImages.assertQuadrants(decoded.image(), 12);
    }

    /** The pixels a camera would store for {@code upright} when it writes {@code orientation}. */
    private static BufferedImage stored(BufferedImage upright, int orientation) {
        int wd = upright.getWidth();
        int hd = upright.getHeight();
        boolean swap = orientation >= 5;
        int ws = swap ? hd : wd;
        int hs = swap ? wd : hd;
        BufferedImage s = new BufferedImage(ws, hs, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < hs; r++) {
            for (int c = 0; c < ws; c++) {
                // Where stored column c, row r is seen, per the EXIF 2.3 table for tag 0x0112.
                int[] xy = switch (orientation) {
                    case 1 -> new int[] {c, r}; // row 0 top, column 0 left
                    case 2 -> new int[] {wd - 1 - c, r}; // row 0 top, column 0 right
                    case 3 -> new int[] {wd - 1 - c, hd - 1 - r}; // row 0 bottom, column 0 right
                    case 4 -> new int[] {c, hd - 1 - r}; // row 0 bottom, column 0 left
                    case 5 -> new int[] {r, c}; // row 0 left, column 0 top
                    case 6 -> new int[] {wd - 1 - r, c}; // row 0 right, column 0 top
                    case 7 -> new int[] {wd - 1 - r, hd - 1 - c}; // row 0 right, column 0 bottom
                    case 8 -> new int[] {r, hd - 1 - c}; // row 0 left, column 0 bottom
                    default -> throw new IllegalArgumentException("orientation " + orientation);
                };
                s.setRGB(c, r, upright.getRGB(xy[0], xy[1]));
            }
        }
        return s;
    }

    @Test
    void pngExifChunkIsHonouredToo() {
        BufferedImage upright = TestImages.quadrants(UPRIGHT_W, UPRIGHT_H);
        byte[] png = TestImages.withPngExifOrientation(TestImages.encode(stored(upright, 8), "png"), 8);

        DecodedImage decoded = new ImageDecoder().decode(png, ImageLimits.DEFAULT, 0);

        assertEquals(Orientation.ROTATE_270_CW, decoded.header().orientation());
        assertEquals(UPRIGHT_W, decoded.image().getWidth());
        TestImages.assertQuadrants(decoded.image(), 0);
    }
}
