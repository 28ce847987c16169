package io.venuekit.assets.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.detect.Box;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectSearchTest {

    private static BufferedImage flowerOnLeaves(int ox, int oy) {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(60, 110, 50));
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(240, 200, 40));
        g.fillOval(ox, oy, 90, 90);
        g.dispose();
        return image;
    }

    @Test
    void theMaximumSumBoxIsTheBlockAboveTheLevel() {
        float[] map = new float[8 * 8];
        for (int y = 2; y <= 4; y++) for (int x = 5; x <= 6; x++) map[y * 8 + x] = 1f;
        map[0] = 0.3f; // a speck below the level adds nothing
        assertArrayEquals(new int[] {5, 2, 6, 4}, SubjectSearch.maximumSumBox(map, 8, 0.5));
        assertNull(SubjectSearch.maximumSumBox(new float[64], 8, 0.5));
    }

    @Test
    void findsAnOffCentreSubjectWithoutMuchBackground() {
        Box subject = SubjectSearch.DEFAULT.find(SubjectCues.of(flowerOnLeaves(300, 60)), List.of(), 480, 320);
        assertNotNull(subject);
        assertTrue(subject.intersectionArea(Box.of(300, 60, 90, 90)) > 0.6 * 90 * 90, subject.toString());
        assertTrue(subject.area() < 4 * 90 * 90, subject.toString());
    }

    @Test
    void aFlatImageHasNoSubject() {
        BufferedImage flat = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        assertNull(SubjectSearch.DEFAULT.find(SubjectCues.of(flat), List.of(), 200, 100));
    }

    @Test
    void aBoxThatBarelyStandsOutIsNoSubjectWhenTheContrastAskedIsHigh() {
        SubjectCues cues = SubjectCues.of(flowerOnLeaves(300, 60));
        SubjectSearch sure = new SubjectSearch(0.05, 0.99, 0, 0.5, 1);
        assertNull(sure.find(cues, List.of(), 480, 320), "no box stands out by 99% of the peak");
        assertNotNull(new SubjectSearch(0.05, 0, 0, 0.5, 1).find(cues, List.of(), 480, 320));
    }

    @Test
    void cuesThatPointToDifferentPlacesMakeTheEstimateUnsure() {
        int side = SubjectCues.SIDE;
        float[] left = block(side, 4, 20, 14, 30),
                right = block(side, 46, 20, 56, 30),
                centre = block(side, 25, 20, 37, 30);
        SubjectCues disagreeing = new SubjectCues(left, right, centre, new float[side * side]);
        SubjectCues agreeing = new SubjectCues(centre, centre, centre, new float[side * side]);
        SubjectSearch search = new SubjectSearch(0.05, 0, 0, 0.5, 0, 0);
        SubjectSearch.Estimate unsure = search.estimate(disagreeing, List.of(), 640, 640);
        SubjectSearch.Estimate sure = search.estimate(agreeing, List.of(), 640, 640);
        assertTrue(sure.agreement() > 0.9, sure.toString());
        assertTrue(unsure.agreement() < 0.5, unsure.toString());
        SubjectSearch doubting = new SubjectSearch(0.05, 0, 0, 0.5, 0, 0.5);
        assertNull(doubting.find(disagreeing, List.of(), 640, 640), "no subject when the cues disagree");
        assertNotNull(doubting.find(agreeing, List.of(), 640, 640));
        assertNotNull(search.find(disagreeing, List.of(), 640, 640), "without the test the best box stands");
    }

    private static float[] block(int side, int x0, int y0, int x1, int y1) {
        float[] map = new float[side * side];
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) map[y * side + x] = 1f;
        return map;
    }

    @Test
    void aFaceCountsAsSalient() {
        // Nothing in the picture stands out; a face found in it is where the subject is.
        BufferedImage flat = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Box face = Box.of(330, 40, 60, 60);
        Box subject = SubjectSearch.DEFAULT.find(SubjectCues.of(flat), List.of(face), 480, 320);
        assertNotNull(subject);
        assertTrue(subject.intersectionArea(face) > 0.8 * face.area(), subject.toString());
        assertTrue(subject.area() < 2 * face.area(), subject.toString());
    }
}
