package io.venuekit.assets.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.venuekit.assets.TestImages;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class AreaAverageResizerTest {

    private final Resizer resizer = new Resizer();

    @Test
    void aFineCheckerboardBecomesEvenGreyNotMoire() {
        // Point sampling (or plain bilinear at 3x) would give black, white or stripes here.
        BufferedImage checker = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        BufferedImage small = resizer.resize(checker, 100, 100);
        for (int y = 0; y < 100; y += 7) {
            for (int x = 0; x < 100; x += 7) {
                TestImages.assertColour(small, x, y, new Color(0x7F, 0x7F, 0x7F), 15);
            }
        }
    }

    @Test
    void flatColourStaysExactAtAnyRatio() {
        Color colour = new Color(0x12, 0x9A, 0xFE);
        BufferedImage small = resizer.resize(TestImages.solid(1001, 777, colour), 333, 259);
        TestImages.assertColour(small, 0, 0, colour, 0);
        TestImages.assertColour(small, 332, 258, colour, 0);
        TestImages.assertColour(small, 166, 129, colour, 0);
    }

    @Test
    void averagesEachCoveredAreaExactly() {
        // Two columns: left 0, right 200 -> one pixel of their mean.
        BufferedImage two = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        two.setRGB(0, 0, 0x000000);
        two.setRGB(1, 0, 0xC8C8C8);
        assertEquals(0x646464, resizer.resize(two, 1, 1).getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void readsOnlyTheRegionOfASharedRaster() {
        BufferedImage quadrants = TestImages.quadrants(400, 400);
        BufferedImage green = resizer.resize(quadrants, new Rectangle(200, 0, 200, 200), 50, 50);
        TestImages.assertColour(green, 0, 0, TestImages.GREEN, 0);
        TestImages.assertColour(green, 49, 49, TestImages.GREEN, 0);
    }

    @Test
    void acceptsOtherImageTypes() {
        BufferedImage bgr = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(TestImages.quadrants(64, 64), 0, 0, null);
        TestImages.assertQuadrants(resizer.resize(bgr, 32, 32), 0);
    }
}
