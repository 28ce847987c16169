package io.venuekit.assets.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceDetectorTest {

    private static final BufferedImage IMAGE = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);

    @Test
    void keepsOnlyCloseUpsFromTheShortRangeModelAndMergesWhatBothFound() {
        BoxDetector full = image -> List.of(new Box(100, 100, 120, 120, 0.8), new Box(10, 10, 20, 20, 0.9));
        BoxDetector shortRange = image -> List.of(
                new Box(104, 98, 120, 120, 0.9), // the same face: blended into one box
                new Box(300, 200, 30, 30, 0.95), // 30 px < 0.3 x 300: left to the full-range model
                new Box(250, 20, 100, 100, 0.7)); // a close-up only the short-range model sees
        List<Box> found = new FaceDetector(full, shortRange, 0.3).find(IMAGE);
        assertEquals(3, found.size(), found.toString());
        assertEquals(0.9, found.get(0).score(), 1e-9);
        assertEquals(
                (100 * 0.8 + 104 * 0.9) / 1.7,
                found.stream()
                        .filter(b -> Math.abs(b.w() - 120) < 1e-6)
                        .findFirst()
                        .orElseThrow()
                        .x(),
                1e-9);
        assertTrue(found.stream().anyMatch(b -> b.iou(Box.of(250, 20, 100, 100)) > 0.999), found.toString());
        assertTrue(found.stream().noneMatch(b -> b.x() == 300), found.toString());
    }

    @Test
    void eitherModelWorksAlone() {
        BoxDetector small = image -> List.of(new Box(10, 10, 20, 20, 0.9));
        assertEquals(1, new FaceDetector(small, null, 0.3).find(IMAGE).size());
        // Alone, the short-range model keeps every face it finds, small or not.
        assertEquals(1, new FaceDetector(null, small, 0.3).find(IMAGE).size());
        assertThrows(IllegalArgumentException.class, () -> new FaceDetector(null, null, 0.3));
    }

    @Test
    void withTheRealModelsFindsAGroupsSmallFacesAndACloseUp() {
        ImageAnalyzer analyzer = ImageAnalyzer.fromModelsDir(Models.DIR);
        double[] group = {400, 450, 1500, 900, 1000, 1275};
        List<Box> small =
                analyzer.detect(DrawnFace.scene(2000, 1500, 40, group)).faces();
        assertEquals(3, small.size(), small.toString());
        for (int i = 0; i < group.length; i += 2) {
            Box drawn = DrawnFace.box(group[i], group[i + 1], 40);
            assertTrue(
                    small.stream().anyMatch(b -> b.iou(drawn) > 0.4),
                    "face at " + group[i] + "," + group[i + 1] + ": " + small);
        }
        // A face 400 px tall in a 480 px frame: a close-up the full-range model misses.
        List<Box> closeUp =
                analyzer.detect(DrawnFace.scene(640, 480, 400, 330, 240)).faces();
        assertEquals(1, closeUp.size(), closeUp.toString());
        assertTrue(closeUp.get(0).iou(DrawnFace.box(330, 240, 400)) > 0.5, closeUp.toString());
    }
}
