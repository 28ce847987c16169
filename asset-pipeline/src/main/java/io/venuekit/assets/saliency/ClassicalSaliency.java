package io.venuekit.assets.saliency;

import io.venuekit.assets.detect.Box;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Saliency without a model: colour contrast (each cell's CIELAB distance from the image's
 * mean colour, after a light blur: Achanta et al.'s frequency-tuned saliency) plus the
 * spectral residual of a 64x64 grey image (Hou and Zhang 2007), mixed with a border prior
 * (distance to the nearest border colour) and weighted by a centre prior, because
 * photographers put subjects near the middle more often than not. The map is what callers that
 * want a map get; the subject's box comes from the same cues read by {@link SubjectSearch}.
 */
public final class ClassicalSaliency implements SaliencyModel {

    static final int SIDE = 64;

    private final double contrastWeight;
    private final double centreSigma;
    private final double borderWeight;

    public ClassicalSaliency() {
        this(0.3, 1.0, 0.3);
    }

    public ClassicalSaliency(double contrastWeight, double centreSigma) {
        this(contrastWeight, centreSigma, 0);
    }

    /**
     * @param contrastWeight share of colour contrast in the map; the rest is spectral residual
     * @param centreSigma    the centre prior's standard deviation, as a fraction of each side
     * @param borderWeight   share of the border prior in the map
     */
    public ClassicalSaliency(double contrastWeight, double centreSigma, double borderWeight) {
        this.contrastWeight = contrastWeight;
        this.centreSigma = centreSigma;
        this.borderWeight = borderWeight;
    }

    /** The box {@link SubjectSearch#DEFAULT} finds in the image's {@link SubjectCues}. */
    @Override
    public Box subject(BufferedImage image, List<Box> faces) {
        return SubjectSearch.DEFAULT.find(SubjectCues.of(image), faces, image.getWidth(), image.getHeight());
    }

    @Override
    public SaliencyMap estimate(BufferedImage image) {
        BufferedImage small = Grids.scaled(image, SIDE, SIDE);
        int[] rgb = small.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
        float[] contrast = Grids.normalised(colourContrast(rgb));
        float[] residual = Grids.normalised(spectralResidual(rgb));
        float[] border = borderWeight > 0 ? Grids.normalised(borderContrast(rgb)) : new float[rgb.length];
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                double dx = (x + 0.5) / SIDE - 0.5, dy = (y + 0.5) / SIDE - 0.5;
                double prior = Math.exp(-(dx * dx + dy * dy) / (2 * centreSigma * centreSigma));
                double mix = (contrastWeight * contrast[i] + (1 - contrastWeight) * residual[i]) * (1 - borderWeight)
                        + borderWeight * border[i];
                out[i] = (float) (mix * prior);
            }
        }
        return new SaliencyMap(SIDE, SIDE, out).normalised();
    }

    static float[] colourContrast(int[] rgb) {
        return colourContrast(SubjectCues.blurredLab(rgb));
    }

    /** Each cell's CIELAB distance from the image's mean colour; {@code lab} already blurred. */
    static float[] colourContrast(float[][] lab) {
        int n = lab[0].length;
        double[] mean = new double[3];
        for (int k = 0; k < 3; k++) {
            for (float v : lab[k]) mean[k] += v;
            mean[k] /= n;
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int k = 0; k < 3; k++) d += (lab[k][i] - mean[k]) * (lab[k][i] - mean[k]);
            out[i] = (float) Math.sqrt(d);
        }
        return out;
    }

    static float[] borderContrast(int[] rgb) {
        return borderContrast(SubjectCues.blurredLab(rgb));
    }

    /**
     * Background prior: a cell's CIELAB distance to the closest colour on the image border
     * ({@code lab} already blurred); backgrounds reach the border, subjects mostly do not.
     */
    static float[] borderContrast(float[][] lab) {
        int n = lab[0].length;
        int ring = 2;
        java.util.List<Integer> edge = new java.util.ArrayList<>();
        for (int y = 0; y < SIDE; y++)
            for (int x = 0; x < SIDE; x++)
                // Every fourth ring cell: the colours are blurred, so neighbours add little but time.
                if ((x < ring || y < ring || x >= SIDE - ring || y >= SIDE - ring) && (x + y) % 4 == 0)
                    edge.add(y * SIDE + x);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double best = Double.MAX_VALUE;
            for (int e : edge) {
                double d = 0;
                for (int k = 0; k < 3; k++) d += (lab[k][i] - lab[k][e]) * (lab[k][i] - lab[k][e]);
                if (d < best) best = d;
            }
            out[i] = (float) Math.sqrt(best);
        }
        return Grids.blur(out, SIDE, SIDE, 1);
    }

    static float[] spectralResidual(int[] rgb) {
        int n = SIDE * SIDE;
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            re[i] = (0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff)) / 255.0;
        }
        Fft.transform2d(re, im, SIDE, false);
        float[] logAmp = new float[n];
        double[] phaseCos = new double[n], phaseSin = new double[n];
        for (int i = 0; i < n; i++) {
            double amp = Math.hypot(re[i], im[i]);
            logAmp[i] = (float) Math.log(amp + 1e-9);
            phaseCos[i] = amp == 0 ? 1 : re[i] / amp;
            phaseSin[i] = amp == 0 ? 0 : im[i] / amp;
        }
        float[] avg = box3(logAmp);
        for (int i = 0; i < n; i++) {
            double r = Math.exp(logAmp[i] - avg[i]);
            re[i] = r * phaseCos[i];
            im[i] = r * phaseSin[i];
        }
        Fft.transform2d(re, im, SIDE, true);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) (re[i] * re[i] + im[i] * im[i]);
        return Grids.blur(out, SIDE, SIDE, 2);
    }

    /** 3x3 mean with wrap-around: the spectrum is periodic. */
    private static float[] box3(float[] v) {
        float[] out = new float[v.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double s = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) s += v[((y + dy + SIDE) % SIDE) * SIDE + (x + dx + SIDE) % SIDE];
                out[y * SIDE + x] = (float) (s / 9);
            }
        }
        return out;
    }
}
