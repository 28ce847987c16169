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
    void scalesDetectionsBackToTheSourceImage() {
        Detections d = new Detections(java.util.List.of(Box.of(10, 20, 30, 40)), java.util.List.of(), Box.of(1, 2, 3, 4), java.util.List.of());
        Detections big = d.scaled(2);
        assertEquals(new Box(20, 40, 60, 80, 1), big.faces().get(0));
        assertEquals(new Box(2, 4, 6, 8, 1), big.subject());
    }
}
