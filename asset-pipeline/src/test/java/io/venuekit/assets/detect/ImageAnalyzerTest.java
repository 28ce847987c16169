package io.venuekit.assets.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.TestImages;
import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.saliency.SaliencyMap;
import io.venuekit.assets.saliency.SaliencyModel;
import io.venuekit.assets.saliency.SubjectFinder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAnalyzerTest {

    private static BufferedImage redSquareOnGrey() {
        return TestImages.rectangleOn(400, 300, new Color(120, 120, 120), new Color(220, 30, 30), 220, 90, 100, 100);
    }

    @Test
    void withoutModelsStillFindsTheSubjectAndSaysWhatIsMissing(@TempDir Path empty) {
        ImageAnalyzer analyzer = ImageAnalyzer.fromModelsDir(empty);
        Detections d = analyzer.detect(redSquareOnGrey());
        assertEquals(3, d.unavailable().size(), d.unavailable().toString());
        assertTrue(
                d.unavailable().get(0).startsWith("faces: model file ")
                        && d.unavailable().get(0).contains(ImageAnalyzer.FACE_MODEL)
                        && d.unavailable().get(0).contains("missing"),
                d.unavailable().toString());
        assertTrue(
                d.unavailable().get(1).startsWith("faces: model file ")
                        && d.unavailable().get(1).contains(ImageAnalyzer.FACE_MODEL_SHORT_RANGE),
                d.unavailable().toString());
        assertTrue(d.unavailable().get(2).startsWith("text: "), d.unavailable().toString());
        assertNotNull(d.subject());
        // The map is blurred, so the box is generous: it holds the square and not much more, before
        // the margin the search adds on purpose (its grow, fitted on crop-dev).
        assertTrue(d.subject().contains(Box.of(220, 90, 100, 100)), d.subject().toString());
        double grown = Math.pow(1 + 2 * io.venuekit.assets.saliency.SubjectSearch.DEFAULT.grow(), 2);
        assertTrue(d.subject().area() < 3 * 100 * 100 * grown, d.subject().toString());
    }

    @Test
    void readsTheSubjectBoxTheWayTheSaliencyModelAsks() {
        // A sharp map, as a salient-object model gives: the subject stops 12 px short of the left edge.
        SaliencyModel sharp = new SaliencyModel() {
            @Override
            public SaliencyMap estimate(BufferedImage image) {
                float[] v = new float[100 * 100];
                for (int y = 20; y < 80; y++) for (int x = 3; x < 60; x++) v[y * 100 + x] = 1f;
                return new SaliencyMap(100, 100, v);
            }

            @Override
            public SubjectFinder subjectFinder() {
                return SubjectFinder.SEGMENTATION;
            }
        };
        Detections d = new ImageAnalyzer(null, null, sharp, List.of()).detect(redSquareOnGrey());
        assertEquals(12, d.subject().x(), 1e-9);
        assertEquals(240, d.subject().right(), 1e-9);

        // The classical map's finder would move that side onto the edge.
        Box classical = SubjectFinder.DEFAULT.find(sharp.estimate(null), 400, 300);
        assertEquals(0, classical.x(), 1e-9);
    }

    @Test
    void withOnlyTheShortRangeModelSaysWhichFaceModelIsMissingAndStillFindsACloseUp(@TempDir Path dir)
            throws Exception {
        java.nio.file.Files.copy(
                Models.DIR.resolve(ImageAnalyzer.FACE_MODEL_SHORT_RANGE),
                dir.resolve(ImageAnalyzer.FACE_MODEL_SHORT_RANGE));
        Detections d = ImageAnalyzer.fromModelsDir(dir).detect(DrawnFace.scene(640, 480, 300, 320, 240));
        assertEquals(2, d.unavailable().size(), d.unavailable().toString());
        assertTrue(
                d.unavailable().get(0).contains(ImageAnalyzer.FACE_MODEL),
                d.unavailable().toString());
        assertTrue(d.unavailable().get(1).startsWith("text: "), d.unavailable().toString());
        assertEquals(1, d.faces().size(), d.faces().toString());
        assertTrue(
                d.faces().get(0).iou(DrawnFace.box(320, 240, 300)) > 0.5,
                d.faces().toString());
    }

    @Test
    void aStoryCropKeepsTheFaceOverALouderSubject() {
        BufferedImage photo = DrawnFace.scene(1600, 900, 200, 1300, 450);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(220, 30, 30));
        g.fillRect(150, 250, 400, 400);
        g.dispose();
        Box face = DrawnFace.box(1300, 450, 200);
        Detections d = ImageAnalyzer.fromModelsDir(Models.DIR).detect(photo);
        CropPlanner planner = new CropPlanner();

        Crop story = planner.plan(1600, 900, d, null, "9:16");
        assertTrue(window(story).contains(face), story + " should hold " + face);
        assertTrue(story.reasons().contains("keeps 1 face"), story.reasons().toString());
        // Premise: the face, not the saliency map, placed the window.
        Crop faceBlind = planner.plan(
                1600, 900, new Detections(List.of(), d.text(), d.subject(), d.unavailable()), null, "9:16");
        assertFalse(window(faceBlind).contains(face), faceBlind.toString());
    }

    private static Box window(Crop c) {
        return Box.of(c.x(), c.y(), c.width(), c.height());
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
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.drawString("BIG SALE", 1500, 1100);
        java.awt.geom.Rectangle2D ink =
                new java.awt.font.TextLayout("BIG SALE", font, g.getFontRenderContext()).getBounds();
        g.dispose();
        Box word = Box.of(1500 + ink.getX(), 1100 + ink.getY(), ink.getWidth(), ink.getHeight());

        Detections d = ImageAnalyzer.fromModelsDir(Models.DIR).detect(image);

        assertEquals(1, d.text().size(), d.text().toString());
        Box found = d.text().get(0);
        assertTrue(
                found.intersectionArea(word) > 0.8 * word.area() && found.area() < 3 * word.area(),
                found + " vs " + word);
    }

    @Test
    void scalesDetectionsBackToTheSourceImage() {
        Detections d = new Detections(
                java.util.List.of(Box.of(10, 20, 30, 40)),
                java.util.List.of(),
                Box.of(1, 2, 3, 4),
                java.util.List.of());
        Detections big = d.scaled(2);
        assertEquals(new Box(20, 40, 60, 80, 1), big.faces().get(0));
        assertEquals(new Box(2, 4, 6, 8, 1), big.subject());
    }
}
