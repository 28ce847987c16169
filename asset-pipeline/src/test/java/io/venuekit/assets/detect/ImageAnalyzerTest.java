package io.venuekit.assets.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageAnalyzerTest {

    private static BufferedImage redSquareOnGrey() {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(220, 30, 30));
        g.fillRect(220, 90, 100, 100);
        g.dispose();
        return image;
    }

    @Test
    void withoutModelsStillFindsTheSubjectAndSaysWhatIsMissing(@TempDir Path empty) {
        ImageAnalyzer analyzer = ImageAnalyzer.fromModelsDir(empty);
        Detections d = analyzer.detect(redSquareOnGrey());
        assertEquals(2, d.unavailable().size(), d.unavailable().toString());
        assertTrue(d.unavailable().get(0).startsWith("faces: model file ") && d.unavailable().get(0).contains("missing"), d.unavailable().toString());
        assertTrue(d.unavailable().get(1).startsWith("text: "), d.unavailable().toString());
        assertNotNull(d.subject());
        // The map is blurred, so the box is generous: it holds the square and not much more.
        assertTrue(d.subject().contains(Box.of(220, 90, 100, 100)), d.subject().toString());
        assertTrue(d.subject().area() < 3 * 100 * 100, d.subject().toString());
    }

    @Test
    void withModelsEveryDetectorIsAvailable() {
        ImageAnalyzer analyzer = ImageAnalyzer.fromModelsDir(Models.DIR);
        Detections d = analyzer.detect(redSquareOnGrey());
        assertEquals(0, d.unavailable().size(), d.unavailable().toString());
        assertEquals(0, d.faces().size(), d.faces().toString());
        assertEquals(0, d.text().size(), d.text().toString());
    }

    @Test
    void analysesALargeImageSmallerAndGivesBoxesInItsOwnPixels() {
        BufferedImage image = new BufferedImage(2600, 1400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(240, 236, 228));
        g.fillRect(0, 0, 2600, 1400);
        g.setColor(new Color(25, 25, 25));
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 160);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.drawString("BIG SALE", 1500, 1100);
        java.awt.geom.Rectangle2D ink = new java.awt.font.TextLayout("BIG SALE", font, g.getFontRenderContext()).getBounds();
        g.dispose();
        Box word = Box.of(1500 + ink.getX(), 1100 + ink.getY(), ink.getWidth(), ink.getHeight());

        Detections d = ImageAnalyzer.fromModelsDir(Models.DIR).detect(image);

        assertEquals(1, d.text().size(), d.text().toString());
        Box found = d.text().get(0);
        assertTrue(found.intersectionArea(word) > 0.8 * word.area() && found.area() < 3 * word.area(), found + " vs " + word);
    }

    @Test
    void scalesDetectionsBackToTheSourceImage() {
        Detections d = new Detections(java.util.List.of(Box.of(10, 20, 30, 40)), java.util.List.of(), Box.of(1, 2, 3, 4), java.util.List.of());
        Detections big = d.scaled(2);
        assertEquals(new Box(20, 40, 60, 80, 1), big.faces().get(0));
        assertEquals(new Box(2, 4, 6, 8, 1), big.subject());
    }
}
