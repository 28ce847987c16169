package io.venuekit.assets.saliency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.detect.Box;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ClassicalSaliencyTest {

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
    void theMapPeaksOnTheOddColourOut() {
        SaliencyMap map = new ClassicalSaliency().estimate(flowerOnLeaves(300, 60));
        // Cell of the flower's centre (345, 105) against a corner cell.
        int fx = 345 * map.width() / 480, fy = 105 * map.height() / 320;
        // Spectral residual peaks on the flower's rim more than its middle; both beat the leaves.
        float flower = map.at(fx, fy), corner = map.at(2, map.height() - 3);
        assertTrue(flower > 0.3 && flower > 5 * corner, "flower " + flower + ", corner " + corner);
    }

    @Test
    void theSubjectBoxHoldsAnOffCentreSubject() {
        BufferedImage image = flowerOnLeaves(300, 60);
        Box subject = SubjectFinder.DEFAULT.find(new ClassicalSaliency().estimate(image), 480, 320);
        assertTrue(subject.contains(Box.of(305, 65, 80, 80)), subject.toString());
        assertTrue(subject.area() < 4 * 90 * 90, subject.toString());
    }

    @Test
    void aFlatImageHasNoSubject() {
        SaliencyMap flat = new SaliencyMap(4, 4, new float[16]);
        assertNull(SubjectFinder.DEFAULT.find(flat, 100, 100));
    }

    @Test
    void subjectBoxIsInImagePixels() {
        float[] v = new float[10 * 10];
        for (int y = 2; y < 4; y++) for (int x = 6; x < 9; x++) v[y * 10 + x] = 1f;
        Box b = SubjectFinder.DEFAULT.find(new SaliencyMap(10, 10, v), 1000, 500);
        assertEquals(Box.of(600, 100, 300, 100).withScore(1), b);
    }

    @Test
    void aBoxNearOneEdgeSnapsToItButNotToBothEdgesOfAnAxis() {
        SubjectFinder finder = new SubjectFinder(0.25, 0.1, 0, 0.1);
        // Near the left edge only: moved onto it.
        assertEquals(Box.of(0, 20, 65, 30), finder.snapped(Box.of(5, 20, 60, 30), 100, 100));
        // Near both left and right: kept as found, so it still leans right.
        assertEquals(Box.of(8, 20, 91, 30), finder.snapped(Box.of(8, 20, 91, 30), 100, 100));
    }
}
