package io.venuekit.assets.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No face photo can be shipped with the tests, so the decoding is checked on synthetic
 * tensors and the real models only on images that must give no faces; the dev-set recall
 * (CropEval) checks them on real faces.
 */
class BlazeFaceDetectorTest {

    @Test
    void decodesABoxFromItsAnchorCellAndRegressors() {
        float[] scores = new float[16 * 16 * 2];
        float[] boxes = new float[scores.length * 16];
        java.util.Arrays.fill(scores, -10f);
        int cx = 5, cy = 9, anchor = 1;
        int i = (cy * 16 + cx) * 2 + anchor;
        scores[i] = 3f; // sigmoid(3) = 0.953
        boxes[i * 16] = 2f; // centre x offset, input pixels
        boxes[i * 16 + 1] = -4f;
        boxes[i * 16 + 2] = 20f; // width
        boxes[i * 16 + 3] = 30f; // height
        List<Box> out = new ArrayList<>();
        BlazeFaceDetector.decode(scores, boxes, 16, 2, 128, 0.5, out);
        assertEquals(1, out.size());
        Box b = out.get(0);
        // Anchor centre: (5.5 / 16 * 128, 9.5 / 16 * 128) = (44, 76).
        assertEquals(44 + 2 - 10, b.x(), 1e-6);
        assertEquals(76 - 4 - 15, b.y(), 1e-6);
        assertEquals(20, b.w(), 1e-6);
        assertEquals(30, b.h(), 1e-6);
        assertEquals(0.9526, b.score(), 1e-3);
    }

    @Test
    void dropsAnchorsBelowTheThreshold() {
        float[] scores = {0f, 1f}; // 0.5 and 0.73
        float[] boxes = new float[32];
        boxes[2] = boxes[3] = boxes[18] = boxes[19] = 10f;
        List<Box> out = new ArrayList<>();
        BlazeFaceDetector.decode(scores, boxes, 1, 2, 128, 0.6, out);
        assertEquals(1, out.size());
        assertEquals(0.731, out.get(0).score(), 1e-3);
    }

    @Test
    void blendsOverlappingDetectionsWeightedByScore() {
        List<Box> merged = OverlapRemoval.weighted(
                List.of(new Box(10, 10, 20, 20, 0.9), new Box(12, 10, 20, 20, 0.3), new Box(100, 100, 10, 10, 0.8)),
                0.3);
        assertEquals(2, merged.size());
        Box face = merged.get(0);
        assertEquals(0.9, face.score(), 1e-9);
        assertEquals((10 * 0.9 + 12 * 0.3) / 1.2, face.x(), 1e-9);
        assertEquals(new Box(100, 100, 10, 10, 0.8), merged.get(1));
    }

    @Test
    void dropsTheSameFaceSeenAtACoarserScaleButKeepsNeighbours() {
        Box face = new Box(384, 439, 31, 31, 0.86);
        Box coarse = new Box(374, 418, 66, 66, 0.60); // holds the face; IoU only 0.22
        Box neighbour = new Box(410, 439, 31, 31, 0.80); // overlaps the face by a sixth
        assertTrue(face.iou(coarse) < OverlapRemoval.FACE_IOU);
        List<Box> merged = OverlapRemoval.mergedFaces(List.of(coarse, neighbour, face));
        assertEquals(2, merged.size(), merged.toString());
        assertTrue(merged.get(0).iou(face) > 0.999 && merged.get(1).iou(neighbour) > 0.999, merged.toString());
    }

    @Test
    void readsTheInputSizeOfBothModels() {
        assertEquals(
                128,
                BlazeFaceDetector.load(Models.DIR.resolve(ImageAnalyzer.FACE_MODEL_SHORT_RANGE), 0.6, Tiling.NONE)
                        .inputSize());
        assertEquals(
                256,
                BlazeFaceDetector.load(Models.DIR.resolve(ImageAnalyzer.FACE_MODEL), 0.6, Tiling.NONE)
                        .inputSize());
    }

    @Test
    void bothModelsFindADrawnFaceWhereItIs() {
        Box drawn = DrawnFace.box(260, 220, 120);
        for (String model : List.of(ImageAnalyzer.FACE_MODEL, ImageAnalyzer.FACE_MODEL_SHORT_RANGE)) {
            List<Box> found = BlazeFaceDetector.load(Models.DIR.resolve(model), 0.6, Tiling.NONE)
                    .find(DrawnFace.scene(640, 480, 120, 260, 220));
            assertEquals(1, found.size(), model + ": " + found);
            Box face = found.get(0);
            assertTrue(face.score() > 0.8, model + ": " + face);
            assertEquals(drawn.centreX(), face.centreX(), 8, model + ": " + face);
            // BlazeFace's box runs from the brows to below the mouth, lower than the skin oval's centre.
            assertEquals(drawn.centreY() + 0.1 * 120, face.centreY(), 8, model + ": " + face);
            assertEquals(drawn.w(), face.w(), 0.2 * drawn.w(), model + ": " + face);
        }
    }

    @Test
    void findsNoFaceOnABlankOrGeometricImage() {
        BlazeFaceDetector detector =
                BlazeFaceDetector.load(Models.DIR.resolve(ImageAnalyzer.FACE_MODEL), 0.6, new Tiling(2, 1.6, 0.25));
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 200, 210));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(30, 90, 160));
        g.fillRect(100, 100, 200, 120);
        g.dispose();
        assertEquals(List.of(), detector.find(image));
    }

    @Test
    void tilesLargeImagesWithOverlapAndCoverTheEdges() {
        List<Box> views = new Tiling(2, 2, 0.25).views(2000, 1000, 256);
        assertEquals(Box.of(0, 0, 2000, 1000), views.get(0));
        assertTrue(views.size() > 4, views.toString());
        Box last = views.get(views.size() - 1);
        assertEquals(2000, last.right(), 1e-6);
        assertEquals(1000, last.bottom(), 1e-6);
        assertEquals(1, Tiling.NONE.views(2000, 1000, 256).size());
    }

    @Test
    void aTileRunsOnlyWhereTheWholeViewSawAFaceLikeBoxAboveTheGate() {
        Tiling gated = new Tiling(2, 1.6, 0.25, 0.3);
        Box tile = Box.of(0, 0, 500, 500);
        assertTrue(gated.worthRunning(tile, List.of(new Box(200, 200, 40, 40, 0.35))));
        assertTrue(!gated.worthRunning(tile, List.of(new Box(200, 200, 40, 40, 0.2))), "below the gate");
        assertTrue(!gated.worthRunning(tile, List.of(new Box(600, 200, 40, 40, 0.9))), "outside the tile");
        assertTrue(new Tiling(2, 1.6, 0.25).worthRunning(tile, List.of()), "no gate: every tile");
    }

    @Test
    void aGatedTilingFindsTheSmallFacesTheFullTilingFinds() {
        // Faces of 8-10% of the short side: the whole view sees them at about 20 px, where it is
        // unsure; the tiles holding them confirm them.
        BufferedImage image = DrawnFace.scene(1200, 800, 75, 300, 300, 850, 500);
        Path model = Models.DIR.resolve(ImageAnalyzer.FACE_MODEL);
        List<Box> all =
                BlazeFaceDetector.load(model, 0.5, new Tiling(2, 1.6, 0.25, 0)).find(image);
        List<Box> gated = BlazeFaceDetector.load(model, 0.5, new Tiling(2, 1.6, 0.25, 0.3))
                .find(image);
        assertEquals(2, all.size(), all.toString());
        assertEquals(all.size(), gated.size(), gated.toString());
        for (int i = 0; i < all.size(); i++) {
            Box a = all.get(i);
            assertTrue(gated.stream().anyMatch(g -> g.iou(a) > 0.7), a + " not in " + gated);
        }
    }

    @Test
    void aMissingModelSaysWhichFile() {
        Path missing = Path.of("no-such-dir/model.onnx");
        ModelUnavailableException e =
                assertThrows(ModelUnavailableException.class, () -> BlazeFaceDetector.load(missing, 0.6, Tiling.NONE));
        assertTrue(
                e.getMessage().contains("no-such-dir/model.onnx")
                        && e.getMessage().contains("missing"),
                e.getMessage());
    }
}
