package io.venuekit.assets.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void matchesTheDirectFourierSum() {
        int n = 16;
        Random r = new Random(7);
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) re[i] = r.nextDouble();
        double[] inRe = re.clone();
        Fft.transform(re, im, false);
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++) {
                sr += inRe[t] * Math.cos(-2 * Math.PI * k * t / n);
                si += inRe[t] * Math.sin(-2 * Math.PI * k * t / n);
            }
            assertEquals(sr, re[k], 1e-9, "re " + k);
            assertEquals(si, im[k], 1e-9, "im " + k);
        }
    }

    @Test
    void inverseOf2dTransformGivesTheInputBack() {
        int n = 8;
        double[] re = new double[n * n], im = new double[n * n];
        for (int i = 0; i < re.length; i++) re[i] = (i * 37 % 11) / 11.0;
        double[] orig = re.clone();
        Fft.transform2d(re, im, n, false);
        Fft.transform2d(re, im, n, true);
        assertArrayEquals(orig, re, 1e-9);
    }
}
