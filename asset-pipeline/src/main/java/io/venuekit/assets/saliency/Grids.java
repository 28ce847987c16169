package io.venuekit.assets.saliency;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Small helpers on row-major float grids shared by the saliency models. */
final class Grids {

    private Grids() {}

    static BufferedImage scaled(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // Halve step by step down to about four times the target, then area-average: exact
            // averaging over a whole photo is slow, over a small copy cheap.
            BufferedImage step = image;
            while (step.getWidth() / 2 >= 4 * w && step.getHeight() / 2 >= 4 * h) {
                BufferedImage half =
                        new BufferedImage(step.getWidth() / 2, step.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
                Graphics2D hg = half.createGraphics();
                hg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                hg.drawImage(step, 0, 0, half.getWidth(), half.getHeight(), null);
                hg.dispose();
                step = half;
            }
            g.drawImage(step.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Separable box blur of radius {@code r}, repeated three times (close to a Gaussian). */
    static float[] blur(float[] src, int w, int h, int r) {
        float[] a = src.clone(), b = new float[a.length];
        for (int pass = 0; pass < 3; pass++) {
            boxH(a, b, w, h, r);
            boxV(b, a, w, h, r);
        }
        return a;
    }

    private static void boxH(float[] in, float[] out, int w, int h, int r) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                int n = 0;
                for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++, n++) s += in[y * w + k];
                out[y * w + x] = (float) (s / n);
            }
        }
    }

    private static void boxV(float[] in, float[] out, int w, int h, int r) {
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                double s = 0;
                int n = 0;
                for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++, n++) s += in[k * w + x];
                out[y * w + x] = (float) (s / n);
            }
        }
    }

    /** Bilinear resample of a grid to another size. */
    static float[] resample(float[] src, int sw, int sh, int dw, int dh) {
        float[] out = new float[dw * dh];
        for (int y = 0; y < dh; y++) {
            double fy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / dh - 0.5));
            int y0 = (int) fy, y1 = Math.min(sh - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < dw; x++) {
                double fx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / dw - 0.5));
                int x0 = (int) fx, x1 = Math.min(sw - 1, x0 + 1);
                double tx = fx - x0;
                double top = src[y0 * sw + x0] * (1 - tx) + src[y0 * sw + x1] * tx;
                double bot = src[y1 * sw + x0] * (1 - tx) + src[y1 * sw + x1] * tx;
                out[y * dw + x] = (float) (top * (1 - ty) + bot * ty);
            }
        }
        return out;
    }

    static float[] normalised(float[] v) {
        float max = -Float.MAX_VALUE, min = Float.MAX_VALUE;
        for (float f : v) {
            max = Math.max(max, f);
            min = Math.min(min, f);
        }
        float[] out = new float[v.length];
        if (max > min) for (int i = 0; i < v.length; i++) out[i] = (v[i] - min) / (max - min);
        return out;
    }
}
