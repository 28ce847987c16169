package io.venuekit.assets.saliency;

import java.awt.image.BufferedImage;

/**
 * The cues a subject box is judged by, each on the same {@value #SIDE}x{@value #SIDE} grid over
 * the whole image and normalised to 0..1: colour contrast against the image's mean colour
 * (Achanta et al.'s frequency-tuned saliency), the spectral residual of the grey image (Hou and
 * Zhang 2007), the distance to the nearest border colour (backgrounds reach the border, subjects
 * mostly do not) and edge strength (objects have outlines and texture; sky and walls do not).
 * Made once per image; {@link SubjectSearch} then reads them as often as it likes.
 */
public record SubjectCues(float[] contrast, float[] residual, float[] border, float[] edges) {

    public static final int SIDE = ClassicalSaliency.SIDE;

    public static SubjectCues of(BufferedImage image) {
        BufferedImage small = Grids.scaled(image, SIDE, SIDE);
        int[] rgb = small.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
        float[][] lab = blurredLab(rgb);
        if (flat(lab)) {
            // Normalising would stretch rounding noise (the spectral residual's above all) into a subject.
            float[] none = new float[SIDE * SIDE];
            return new SubjectCues(none, none, none, none);
        }
        return new SubjectCues(
                Grids.normalised(ClassicalSaliency.colourContrast(lab)),
                Grids.normalised(ClassicalSaliency.spectralResidual(rgb)),
                Grids.normalised(ClassicalSaliency.borderContrast(lab)),
                Grids.normalised(edges(lab[0])));
    }

    /** Below this spread of every CIELAB channel (in its units; 1 is a just-noticeable step), nothing stands out. */
    static final double FLAT = 0.5;

    private static boolean flat(float[][] lab) {
        for (float[] channel : lab) {
            double sum = 0, sq = 0;
            for (float v : channel) {
                sum += v;
                sq += v * v;
            }
            double mean = sum / channel.length;
            if (Math.sqrt(Math.max(0, sq / channel.length - mean * mean)) >= FLAT) return false;
        }
        return true;
    }

    static float[][] blurredLab(int[] rgb) {
        int n = rgb.length;
        float[][] lab = new float[3][n];
        for (int i = 0; i < n; i++) {
            double[] c = Lab.fromRgb(rgb[i]);
            for (int k = 0; k < 3; k++) lab[k][i] = (float) c[k];
        }
        for (int k = 0; k < 3; k++) lab[k] = Grids.blur(lab[k], SIDE, SIDE, 1);
        return lab;
    }

    /** Sobel magnitude of lightness, spread a little so an outline marks the cells beside it. */
    static float[] edges(float[] lightness) {
        float[] out = new float[SIDE * SIDE];
        for (int y = 1; y < SIDE - 1; y++) {
            for (int x = 1; x < SIDE - 1; x++) {
                int i = y * SIDE + x;
                double gx = lightness[i - SIDE + 1]
                        + 2 * lightness[i + 1]
                        + lightness[i + SIDE + 1]
                        - lightness[i - SIDE - 1]
                        - 2 * lightness[i - 1]
                        - lightness[i + SIDE - 1];
                double gy = lightness[i + SIDE - 1]
                        + 2 * lightness[i + SIDE]
                        + lightness[i + SIDE + 1]
                        - lightness[i - SIDE - 1]
                        - 2 * lightness[i - SIDE]
                        - lightness[i - SIDE + 1];
                out[i] = (float) Math.hypot(gx, gy);
            }
        }
        return Grids.blur(out, SIDE, SIDE, 1);
    }
}
