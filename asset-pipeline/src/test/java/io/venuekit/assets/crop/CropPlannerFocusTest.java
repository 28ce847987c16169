package io.venuekit.assets.crop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.variant.Aspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: every crop that says it follows the operator's focus keeps the focus point, or the
 * focus box as far as the shape allows, whatever faces, text and subject pull elsewhere.
 */
class CropPlannerFocusTest {

    private static final List<String> SHAPES = List.of("1:1", "3:4", "4:3", "16:9", "2:1", "9:16", "21:9", "1:3");
    /** Rounding a window to whole pixels may leave it this far short of a box edge. */
    private static final double SLACK = 1.0;

    private final CropPlanner planner = new CropPlanner();

    @Test
    void aFocusLowInAPhotoIsKeptEvenWhenTextAboveItWouldBeCut() {
        // The case: focus (0.5, 0.82) on 2000 x 1500; a caption line across the photo at y 1200-1260.
        Detections d =
                new Detections(List.of(), List.of(Box.of(0, 1200, 2000, 60)), Box.of(800, 47, 400, 1125), List.of());
        Crop c = planner.plan(2000, 1500, d, Focus.point(0.5, 0.82), "9:16");
        assertTrue(c.y() <= 1230 && c.y() + c.height() >= 1230, "keeps y 1230: " + c);
        assertTrue(c.reasons().contains("follows operator focus"), c.toString());
        assertTrue(c.gaveWay().contains("text box 1 cut"), "says what gave way: " + c);
    }

    @Test
    void aFocusPointNearAnEdgeMovesTheWindowWithoutZoomingIn() {
        // a point says "keep this in view": the largest window, as near it as the image allows, not a close-up
        for (String shape : List.of("9:16", "1:1", "2:1")) {
            Crop c = planner.plan(4000, 3000, Detections.NONE, Focus.point(0.1, 0.82), shape);
            int[] largest = Aspect.parse(shape).largestWindow(4000, 3000);
            assertTrue(c.width() == largest[0] && c.height() == largest[1], shape + ": " + c);
            assertTrue(c.x() == 0, "as near the point as the image allows: " + c);
        }
    }

    @Test
    void everyCropFollowingAFocusKeepsItOnRandomImagesShapesAndDetections() {
        Random random = new Random(20261204L);
        int cases = 3000;
        for (int i = 0; i < cases; i++) {
            int width = 8 + random.nextInt(random.nextBoolean() ? 400 : 4000);
            int height = 8 + random.nextInt(random.nextBoolean() ? 400 : 4000);
            String shape = SHAPES.get(i % SHAPES.size());
            Focus focus = randomFocus(random);
            Detections detections = randomDetections(random, width, height);
            Crop crop = planner.plan(width, height, detections, focus, shape);
            String where = "case " + i + ": " + width + "x" + height + " " + shape + " " + focus + " " + detections
                    + " -> " + crop;
            assertTrue(crop.reasons().contains("follows operator focus"), where);
            int[] largest = Aspect.parse(shape).largestWindow(width, height);
            if (focus.hasRegion()) {
                assertKeeps(crop.x(), crop.width(), focus.x() * width, focus.w() * width, largest[0], where + " (x)");
                assertKeeps(
                        crop.y(), crop.height(), focus.y() * height, focus.h() * height, largest[1], where + " (y)");
            } else {
                assertKeeps(crop.x(), crop.width(), focus.x() * width, 0, largest[0], where + " (x)");
                assertKeeps(crop.y(), crop.height(), focus.y() * height, 0, largest[1], where + " (y)");
            }
        }
    }

    /**
     * On one axis: a box side that fits in the shape's largest window lies wholly in the crop; a
     * longer one is covered by as much as the largest window spans.
     */
    private static void assertKeeps(int cropLo, int cropSize, double lo, double size, int largest, String where) {
        double cropHi = cropLo + cropSize;
        if (size <= largest) {
            assertTrue(cropLo <= lo + SLACK && cropHi >= lo + size - SLACK, "keeps the focus: " + where);
        } else {
            double overlap = Math.min(cropHi, lo + size) - Math.max(cropLo, lo);
            assertTrue(
                    overlap >= largest - SLACK,
                    "covers the focus box as far as the shape allows (" + overlap + " of " + largest + "): " + where);
        }
    }

    private static Focus randomFocus(Random random) {
        double x = edgy(random), y = edgy(random);
        if (random.nextInt(3) == 0) {
            return Focus.point(x, y);
        }
        double w = Math.max(0.001, random.nextDouble() * (1 - x)), h = Math.max(0.001, random.nextDouble() * (1 - y));
        return new Focus(
                Math.min(x, 0.999),
                Math.min(y, 0.999),
                Math.min(w, 1 - Math.min(x, 0.999)),
                Math.min(h, 1 - Math.min(y, 0.999)));
    }

    /** Uniform, with the edges (0 and 1) drawn often: they are where rounding goes wrong. */
    private static double edgy(Random random) {
        int pick = random.nextInt(10);
        return pick == 0 ? 0 : pick == 1 ? 1 : random.nextDouble();
    }

    /** Faces, text and a subject placed anywhere, so that they pull the crop away from the focus. */
    private static Detections randomDetections(Random random, int width, int height) {
        List<Box> faces = new ArrayList<>();
        List<Box> text = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            faces.add(randomBox(random, width, height, 0.3));
        }
        for (int n = random.nextInt(4); n > 0; n--) {
            text.add(randomBox(random, width, height, 0.8));
        }
        Box subject = random.nextBoolean() ? randomBox(random, width, height, 0.7) : null;
        return new Detections(faces, text, subject, List.of());
    }

    private static Box randomBox(Random random, int width, int height, double maxShare) {
        double w = Math.max(1, random.nextDouble() * maxShare * width),
                h = Math.max(1, random.nextDouble() * maxShare * height);
        return Box.of(random.nextDouble() * (width - w), random.nextDouble() * (height - h), w, h);
    }
}
