package io.venuekit.assets.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDetectorTest {

    private static final TextDetector DETECTOR = TextDetector.load(Models.DIR.resolve(ImageAnalyzer.TEXT_MODEL), 960);

    /** Draws {@code text} and returns its ink bounds in the image. */
    private static Box draw(BufferedImage image, String text, int x, int baseline, int size) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 20));
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
        g.setFont(font);
        g.drawString(text, x, baseline);
        Rectangle2D ink = new TextLayout(text, font, g.getFontRenderContext()).getBounds();
        g.dispose();
        return Box.of(x + ink.getX(), baseline + ink.getY(), ink.getWidth(), ink.getHeight());
    }

    private static BufferedImage blank(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(245, 240, 230));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    @Test
    void findsRenderedWordsWhereTheyAre() {
        BufferedImage image = blank(800, 500);
        Box sale = draw(image, "SALE 50%", 60, 120, 64);
        Box shop = draw(image, "shop now", 420, 420, 40);
        List<Box> found = DETECTOR.find(image);
        for (Box word : List.of(sale, shop)) {
            Box hit = found.stream()
                    .filter(b -> b.intersectionArea(word) > 0.8 * word.area())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no box over " + word + " in " + found));
            // The unclipped box hugs the word: not much larger than its ink.
            assertTrue(hit.area() < 4 * word.area(), hit + " vs " + word);
            assertTrue(hit.score() >= 0.6, hit.toString());
        }
        assertEquals(2, found.size(), found.toString());
    }

    @Test
    void findsNoTextOnAPlainImage() {
        BufferedImage image = blank(640, 360);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 60, 60));
        g.fillOval(200, 80, 200, 200);
        g.dispose();
        assertEquals(List.of(), DETECTOR.find(image));
    }

    @Test
    void boxesComeFromConnectedRegionsOfTheProbabilityMap() {
        int w = 40, h = 20;
        float[] map = new float[w * h];
        for (int y = 5; y < 10; y++) for (int x = 4; x < 14; x++) map[y * w + x] = 0.9f; // strong region
        for (int y = 12; y < 17; y++) for (int x = 25; x < 35; x++) map[y * w + x] = 0.4f; // weak: mean below 0.6
        List<Box> boxes = ProbabilityMapBoxes.DB_DEFAULTS.find(map, w, h);
        assertEquals(1, boxes.size(), boxes.toString());
        Box b = boxes.get(0);
        double d = 10 * 5 * 1.5 / (2 * (10 + 5)); // unclip distance: area * ratio / perimeter
        assertEquals(4 - d, b.x(), 1e-9);
        assertEquals(5 - d, b.y(), 1e-9);
        assertEquals(10 + 2 * d, b.w(), 1e-9);
        assertEquals(0.9, b.score(), 1e-6);
    }
}
