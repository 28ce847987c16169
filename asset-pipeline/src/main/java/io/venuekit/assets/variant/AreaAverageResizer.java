package io.venuekit.assets.variant;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * A Thumbnailator {@link net.coobird.thumbnailator.resizers.Resizer} that gives every destination
 * pixel the exact average of the source area it covers (a box filter, separable, fixed-point).
 * For reduction, which is all the pipeline does, this antialiases like progressive bilinear or
 * better, and reads each source pixel about once: measured 4-5x less CPU than Thumbnailator's
 * progressive bilinear (Java2D drawImage per halving step) on 4000 × 3000 → 2600 × 1950.
 * Opaque int-RGB in, int-RGB out; other types are converted first.
 */
final class AreaAverageResizer implements net.coobird.thumbnailator.resizers.Resizer {

    private static final int ONE = 1 << 14;

    /**
     * For each destination index, the first source index and {@code taps} weights (summing to
     * {@link #ONE}, zero-padded), flat so the inner loops have a fixed length the JIT unrolls.
     */
    private record Spans(int[] first, int[] weights, int taps) {

        static Spans of(int sourceSize, int destSize) {
            double scale = sourceSize / (double) destSize;
            int[] starts = new int[destSize];
            int[][] exact = new int[destSize][];
            int taps = 1;
            for (int d = 0; d < destSize; d++) {
                double from = d * scale;
                double to = Math.min(sourceSize, (d + 1) * scale);
                int start = Math.min(sourceSize - 1, (int) Math.floor(from));
                int end = Math.max(start + 1, Math.min(sourceSize, (int) Math.ceil(to)));
                int[] w = new int[end - start];
                int sum = 0;
                for (int s = start; s < end; s++) {
                    double overlap = Math.min(to, s + 1) - Math.max(from, s);
                    w[s - start] = (int) Math.round(Math.max(0, overlap) / (to - from) * ONE);
                    sum += w[s - start];
                }
                w[w.length - 1] += ONE - sum; // rounding leftovers, so flat areas stay exactly flat
                starts[d] = start;
                exact[d] = w;
                taps = Math.max(taps, w.length);
            }
            int[] first = new int[destSize];
            int[] weights = new int[destSize * taps];
            for (int d = 0; d < destSize; d++) {
                // Near the far edge, start earlier so all taps stay inside the source; the extra taps weigh 0.
                int start = Math.max(0, Math.min(starts[d], sourceSize - taps));
                first[d] = start;
                System.arraycopy(exact[d], 0, weights, d * taps + (starts[d] - start), exact[d].length);
            }
            return new Spans(first, weights, taps);
        }
    }

    @Override
    public void resize(BufferedImage source, BufferedImage dest) {
        BufferedImage src = intRgb(source);
        int sw = src.getWidth();
        int sh = src.getHeight();
        int dw = dest.getWidth();
        int dh = dest.getHeight();
        Packed in = Packed.of(src);
        Spans xs = Spans.of(sw, dw);
        Spans ys = Spans.of(sh, dh);
        int[] pixels = in.pixels;

        // Horizontal pass into the intermediate (dw × sh), kept at 8-bit precision.
        int[] mid = new int[dw * sh];
        int xTaps = xs.taps;
        int[] xFirst = xs.first;
        int[] xWeights = xs.weights;
        for (int y = 0; y < sh; y++) {
            int row = in.offset + y * in.stride;
            int outRow = y * dw;
            for (int x = 0; x < dw; x++) {
                int at = row + xFirst[x];
                int base = x * xTaps;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int i = 0; i < xTaps; i++) {
                    int p = pixels[at + i];
                    int w = xWeights[base + i];
                    r += (p >> 16 & 0xFF) * w;
                    g += (p >> 8 & 0xFF) * w;
                    b += (p & 0xFF) * w;
                }
                mid[outRow + x] = round(r) << 16 | round(g) << 8 | round(b);
            }
        }

        // Vertical pass, row by row so the inner loop walks memory in order.
        boolean direct =
                dest.getType() == BufferedImage.TYPE_INT_RGB && dest.getRaster().getParent() == null;
        int[] out = direct ? ((DataBufferInt) dest.getRaster().getDataBuffer()).getData() : new int[dw * dh];
        int[] r = new int[dw];
        int[] g = new int[dw];
        int[] b = new int[dw];
        for (int y = 0; y < dh; y++) {
            java.util.Arrays.fill(r, 0);
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(b, 0);
            for (int i = 0; i < ys.taps; i++) {
                int weight = ys.weights[y * ys.taps + i];
                if (weight == 0) {
                    continue;
                }
                int row = (ys.first[y] + i) * dw;
                for (int x = 0; x < dw; x++) {
                    int p = mid[row + x];
                    r[x] += (p >> 16 & 0xFF) * weight;
                    g[x] += (p >> 8 & 0xFF) * weight;
                    b[x] += (p & 0xFF) * weight;
                }
            }
            int outRow = y * dw;
            for (int x = 0; x < dw; x++) {
                out[outRow + x] = round(r[x]) << 16 | round(g[x]) << 8 | round(b[x]);
            }
        }
        if (!direct) {
            dest.getRaster().setDataElements(0, 0, dw, dh, out);
        }
    }

    private static int round(int fixed) {
        return Math.min(255, (fixed + ONE / 2) >> 14);
    }

    /** The pixel array of an int-packed image or sub-image, with where its first row starts and its stride. */
    private record Packed(int[] pixels, int offset, int stride) {
        static Packed of(BufferedImage image) {
            WritableRaster raster = image.getRaster();
            SinglePixelPackedSampleModel model = (SinglePixelPackedSampleModel) raster.getSampleModel();
            int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
            int stride = model.getScanlineStride();
            int offset = ((DataBufferInt) raster.getDataBuffer()).getOffset()
                    + (-raster.getSampleModelTranslateY()) * stride
                    + (-raster.getSampleModelTranslateX());
            return new Packed(data, offset, stride);
        }
    }

    private static BufferedImage intRgb(BufferedImage image) {
        if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && !image.getColorModel().hasAlpha()
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel
                && image.getRaster().getDataBuffer() instanceof DataBufferInt) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = copy.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
