package io.venuekit.assets.saliency;

import io.venuekit.assets.detect.Box;

/**
 * The subject's box from a saliency map: cells above a threshold relative to the map's
 * mean and peak, grouped into 8-connected regions; the region holding the most saliency
 * mass wins, and nearby strong regions that hold a real share of the mass join it (a
 * subject is often split by a dark or uniform part).
 */
public record SubjectFinder(double thresholdFraction, double joinShare, double massTail, double edgeSnap) {

    /** For the classical map, whose blur and centre prior pull sides in from the image edges. */
    public static final SubjectFinder DEFAULT = new SubjectFinder(0.25, 0.1, 0, 0.1);
    /**
     * For a salient-object model's map, whose sides are where the object ends: snapping them to an
     * edge would only make a subject that nearly fills a window look too big for it. With the
     * crop-dev masks as the map (CropEval's {@code SUBJECT_FROM=masks}), crops kept the subject
     * whole in 38 of 39 cases; with the sides snapped, in 35.
     */
    public static final SubjectFinder SEGMENTATION = new SubjectFinder(0.25, 0.1, 0, 0);

    public SubjectFinder(double thresholdFraction, double joinShare) {
        this(thresholdFraction, joinShare, 0, 0);
    }

    /**
     * The map's blur and centre prior pull a subject's box away from the image edges it
     * touches; a box side within {@code edgeSnap} of the image side is moved onto it. Not
     * both sides of one axis, though: a box stretched from edge to edge no longer says
     * where along that axis the subject sits, while the sides as found still lean its way.
     */
    Box snapped(Box b, int imageWidth, int imageHeight) {
        if (b == null || edgeSnap <= 0) return b;
        double[] x = snappedSides(b.x(), b.right(), imageWidth);
        double[] y = snappedSides(b.y(), b.bottom(), imageHeight);
        return new Box(x[0], y[0], x[1] - x[0], y[1] - y[0], b.score());
    }

    private double[] snappedSides(double lo, double hi, int extent) {
        boolean toLow = lo < edgeSnap * extent, toHigh = hi > (1 - edgeSnap) * extent;
        if (toLow && toHigh) return new double[] {lo, hi};
        return new double[] {toLow ? 0 : lo, toHigh ? extent : hi};
    }

    /** The box in image pixels, or null when the map is flat. */
    public Box find(SaliencyMap map, int imageWidth, int imageHeight) {
        return snapped(unsnapped(map, imageWidth, imageHeight), imageWidth, imageHeight);
    }

    private Box unsnapped(SaliencyMap map, int imageWidth, int imageHeight) {
        int w = map.width(), h = map.height();
        float[] v = map.values();
        double max = 0, mean = 0;
        for (float f : v) {
            max = Math.max(max, f);
            mean += f;
        }
        mean /= v.length;
        if (max <= 0 || max - mean < 1e-6) return null;
        double threshold = mean + thresholdFraction * (max - mean);
        if (massTail > 0) return byMass(map, imageWidth, imageHeight, threshold);
        int[] label = new int[v.length];
        int[] stack = new int[v.length];
        int regions = 0;
        double[] mass = new double[v.length + 1];
        int[][] bounds = new int[v.length + 1][];
        for (int s = 0; s < v.length; s++) {
            if (label[s] != 0 || v[s] < threshold) continue;
            regions++;
            int top = 0;
            stack[top++] = s;
            label[s] = regions;
            int[] b = {w, h, -1, -1};
            while (top > 0) {
                int p = stack[--top];
                int px = p % w, py = p / w;
                mass[regions] += v[p];
                b[0] = Math.min(b[0], px);
                b[1] = Math.min(b[1], py);
                b[2] = Math.max(b[2], px);
                b[3] = Math.max(b[3], py);
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx, ny = py + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int q = ny * w + nx;
                        if (label[q] == 0 && v[q] >= threshold) {
                            label[q] = regions;
                            stack[top++] = q;
                        }
                    }
            }
            bounds[regions] = b;
        }
        int best = 1;
        double total = 0;
        for (int r = 1; r <= regions; r++) {
            total += mass[r];
            if (mass[r] > mass[best]) best = r;
        }
        int[] box = bounds[best].clone();
        for (int r = 1; r <= regions; r++) {
            if (r != best && mass[r] >= joinShare * mass[best]) {
                box[0] = Math.min(box[0], bounds[r][0]);
                box[1] = Math.min(box[1], bounds[r][1]);
                box[2] = Math.max(box[2], bounds[r][2]);
                box[3] = Math.max(box[3], bounds[r][3]);
            }
        }
        double sx = (double) imageWidth / w, sy = (double) imageHeight / h;
        double score = Math.min(1, mass[best] / total);
        return new Box(box[0] * sx, box[1] * sy, (box[2] - box[0] + 1) * sx, (box[3] - box[1] + 1) * sy, score);
    }

    /**
     * The box holding all but {@code massTail} of the above-threshold saliency mass at each
     * side, from the row and column sums; steadier than region bounds when the map is patchy.
     */
    private Box byMass(SaliencyMap map, int imageWidth, int imageHeight, double threshold) {
        int w = map.width(), h = map.height();
        double[] cols = new double[w], rows = new double[h];
        double total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = Math.max(0, map.at(x, y) - threshold);
                cols[x] += v;
                rows[y] += v;
                total += v;
            }
        }
        if (total <= 0) return null;
        int[] xs = quantiles(cols, total), ys = quantiles(rows, total);
        double sx = (double) imageWidth / w, sy = (double) imageHeight / h;
        return new Box(xs[0] * sx, ys[0] * sy, (xs[1] - xs[0] + 1) * sx, (ys[1] - ys[0] + 1) * sy, 1 - massTail * 2);
    }

    private int[] quantiles(double[] sums, double total) {
        int lo = 0, hi = sums.length - 1;
        double acc = 0;
        for (int i = 0; i < sums.length; i++) {
            acc += sums[i];
            if (acc >= massTail * total) {
                lo = i;
                break;
            }
        }
        acc = 0;
        for (int i = sums.length - 1; i >= 0; i--) {
            acc += sums[i];
            if (acc >= massTail * total) {
                hi = i;
                break;
            }
        }
        return new int[] {lo, Math.max(lo, hi)};
    }
}
