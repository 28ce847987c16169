package io.venuekit.assets.crop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CropPlannerTest {

    private final CropPlanner planner = new CropPlanner();

    private static Detections faces(Box... f) {
        return new Detections(List.of(f), List.of(), null, List.of());
    }

    private static boolean holds(Crop c, Box b) {
        return b.x() >= c.x() && b.y() >= c.y() && b.right() <= c.x() + c.width() && b.bottom() <= c.y() + c.height();
    }

    private static boolean cuts(Crop c, Box b) {
        return Box.of(c.x(), c.y(), c.width(), c.height()).intersectionArea(b) > 0 && !holds(c, b);
    }

    @Test
    void withoutDetectionsTakesTheLargestCentredWindow() {
        Crop c = planner.plan(1600, 900, Detections.NONE, null, "1:1");
        assertEquals(900, c.width());
        assertEquals(900, c.height());
        assertEquals(350, c.x());
        assertEquals(0, c.y());
        assertTrue(c.reasons().contains("largest window"), c.reasons().toString());
        assertTrue(c.gaveWay().isEmpty());
    }

    @Test
    void everyShapeHasItsRatioAndStaysInsideTheImage() {
        for (String shape : CropPlanner.SHAPES) {
            Crop c = planner.plan(1234, 777, faces(Box.of(100, 100, 80, 80)), null, shape);
            String[] p = shape.split(":");
            double want = Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
            assertEquals(want, (double) c.width() / c.height(), want * 0.02, shape);
            assertTrue(
                    c.x() >= 0 && c.y() >= 0 && c.x() + c.width() <= 1234 && c.y() + c.height() <= 777,
                    shape + " " + c);
        }
    }

    @Test
    void keepsAFaceNearTheEdgeWholeWithItsMargin() {
        Box face = Box.of(40, 300, 100, 100);
        Crop c = planner.plan(1600, 900, faces(face), null, "1:1");
        assertTrue(holds(c, face.expanded(0.2).clipped(1600, 900)), c.toString());
        assertTrue(c.reasons().contains("keeps 1 face"), c.reasons().toString());
        assertTrue(c.gaveWay().isEmpty(), c.gaveWay().toString());
    }

    @Test
    void neverCutsThroughATextBox() {
        // The centred 1:1 window (x 350..1250) would cut this slogan in half.
        Box slogan = Box.of(1100, 100, 400, 80);
        Crop c = planner.plan(1600, 900, new Detections(List.of(), List.of(slogan), null, List.of()), null, "1:1");
        assertFalse(cuts(c, slogan), c.toString());
        assertTrue(c.gaveWay().isEmpty());
    }

    @Test
    void keepsTheSubjectWhole() {
        Box subject = Box.of(1200, 300, 300, 400);
        Crop c = planner.plan(1600, 900, new Detections(List.of(), List.of(), subject, List.of()), null, "1:1");
        assertTrue(holds(c, subject), c.toString());
        assertEquals(900, c.height(), "the largest window still holds it");
        assertTrue(c.reasons().contains("keeps subject"));
    }

    @Test
    void aSubjectTooBigForTheShapeThatRunsOffOneEdgeKeepsThatEdge() {
        Box subject = Box.of(0, 200, 1200, 500);
        Crop c = planner.plan(1600, 900, new Detections(List.of(), List.of(), subject, List.of()), null, "1:1");
        assertEquals(0, c.x(), c.toString());
        assertEquals(List.of("subject not whole"), c.gaveWay());
    }

    @Test
    void followsTheOperatorsFocusPoint() {
        Crop c = planner.plan(1600, 900, Detections.NONE, Focus.point(0.05, 0.5), "9:16");
        assertEquals(0, c.x(), c.toString());
        assertTrue(c.reasons().contains("follows operator focus"));
    }

    @Test
    void keepsAFocusRegionWhole() {
        Focus region = new Focus(0.7, 0.1, 0.2, 0.3);
        Crop c = planner.plan(1000, 1000, Detections.NONE, region, "16:9");
        assertTrue(holds(c, Box.of(700, 100, 200, 300)), c.toString());
    }

    @Test
    void saysTheFaceGaveWayWhenNoWindowCanHoldIt() {
        // A face wider than any 9:16 window of this image (281 px wide).
        Box face = Box.of(300, 100, 400, 300);
        Crop c = planner.plan(1000, 500, faces(face), null, "9:16");
        assertEquals(List.of("face 1 cut (larger than any window of this shape)"), c.gaveWay());
        assertTrue(c.x() >= 300 && c.x() + c.width() <= 700, "the window lies on the face: " + c);
    }

    @Test
    void givesUpTheSubjectBeforeCuttingText() {
        // The subject needs the left of the image; a word spans the place its crop would end.
        Box subject = Box.of(0, 0, 800, 900);
        Box word = Box.of(700, 400, 400, 60);
        Crop c = planner.plan(1600, 900, new Detections(List.of(), List.of(word), subject, List.of()), null, "1:1");
        assertFalse(cuts(c, word), c.toString());
        assertTrue(
                c.gaveWay().contains("subject not whole") || holds(c, subject),
                c.gaveWay().toString());
    }

    @Test
    void reportsTheMarginWhenOnlyItGivesWay() {
        // Two faces nearly a square apart: both fit only without the margin.
        Box left = Box.of(0, 300, 200, 200), right = Box.of(680, 300, 200, 200);
        Crop c = planner.plan(1600, 900, faces(left, right), null, "1:1");
        assertTrue(holds(c, left) && holds(c, right), c.toString());
        assertTrue(
                c.gaveWay().stream().anyMatch(g -> g.startsWith("face margin")),
                c.gaveWay().toString());
    }

    @Test
    void keepsTheChinBelowAFaceBoxThatATightCropWouldShave() {
        // A portrait photo cropped to 16:9: the detector's box ends at the mouth, 100 px above the bottom
        // of the window a box-only rule would choose; the chin (a fifth of the box below it) must stay in.
        Box face = Box.of(200, 300, 200, 200);
        Crop c = planner.plan(600, 900, faces(face), null, "16:9");
        assertTrue(c.y() + c.height() >= face.bottom() + 0.2 * face.h() - 1, "chin kept: " + c);
        assertTrue(c.y() <= face.y() - 0.25 * face.h() + 1, "hairline kept: " + c);
    }

    @Test
    void leavesRoomAroundAWordItKeeps() {
        // A word at the right edge of where the centred square would end: kept with a margin, not flush.
        Box word = Box.of(1100, 400, 140, 40);
        Crop c = planner.plan(1600, 900, new Detections(List.of(), List.of(word), null, List.of()), null, "1:1");
        boolean flush = Math.abs(c.x() + c.width() - word.right()) < 0.15 * word.h()
                || Math.abs(c.x() - word.x()) < 0.15 * word.h();
        assertFalse(cuts(c, word), c.toString());
        assertFalse(flush, "a crop edge flush with the word: " + c);
    }

    @Test
    void isDeterministic() {
        Detections d = new Detections(
                List.of(Box.of(500, 200, 60, 60), Box.of(900, 250, 50, 50)),
                List.of(Box.of(100, 700, 300, 50)),
                Box.of(400, 150, 700, 500),
                List.of());
        assertEquals(planner.plan(1600, 900, d, null, "3:4"), planner.plan(1600, 900, d, null, "3:4"));
    }

    @Test
    void rejectsAnUnknownAspect() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> planner.plan(100, 100, Detections.NONE, null, "wide"));
        assertTrue(e.getMessage().contains("\"wide\""), e.getMessage());
    }
}
