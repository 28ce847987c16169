package io.venuekit.assets.saliency;

import io.venuekit.assets.detect.Box;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The subject's box from {@link SubjectCues}: the box whose cells stand out from the rest the most,
 * rather than the cells above one threshold. The cues are averaged into one map (faces found count
 * as fully salient), weighted by a centre prior; every cell then adds its value less a level
 * {@code threshold} of the way from the map's mean to its peak, and the box with the largest sum
 * wins (a maximum-sum subarray: exact over all boxes of the grid, a few hundred thousand additions).
 * Such a box stops where the object stops standing out, however the saliency is spread inside it.
 * When the box stands out from the rest by less than {@code minContrast} (mean inside less mean
 * outside), or the cues read one at a time point elsewhere (their boxes overlap the combined one
 * by less than {@code minAgreement}, mean IoU), the estimate is unsure: no subject is returned,
 * and the planner keeps the crop near the centre, where photographers put subjects.
 *
 * <p>The parameters are data ({@code subject-search.properties}), chosen by grouped k-fold
 * cross-validation in {@code asset-pipeline/eval-crops.sh}.
 *
 * @param threshold   where between the map's mean (0) and peak (1) a cell starts adding to a box
 * @param minContrast below this contrast of the best box against the rest, no subject
 * @param grow        share of the box's size added on each side: cues fade before an object's rim
 * @param centreSigma the centre prior's standard deviation as a share of each side
 * @param edgeWeight  weight of edge strength in the map, against 1 for each colour cue
 * @param minAgreement below this mean IoU of each cue's own box with the combined box, no subject
 */
public record SubjectSearch(
        double threshold, double minContrast, double grow, double centreSigma, double edgeWeight, double minAgreement) {

    /** Without the agreement test. */
    public SubjectSearch(double threshold, double minContrast, double grow, double centreSigma, double edgeWeight) {
        this(threshold, minContrast, grow, centreSigma, edgeWeight, 0);
    }

    /**
     * The best box before the tests for doubt, with what they read: its contrast against the rest and
     * the cues' agreement on it (1: each cue alone finds the same box; near 0: each finds another).
     */
    public record Estimate(Box box, double contrast, double agreement) {}

    private static final String RESOURCE = "subject-search.properties";

    /** The parameters in {@code subject-search.properties} beside this class. */
    public static final SubjectSearch DEFAULT = fromResource();

    static SubjectSearch fromResource() {
        Properties p = new Properties();
        try (InputStream in = SubjectSearch.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException(RESOURCE + " missing beside " + SubjectSearch.class.getName());
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " unreadable", e);
        }
        return new SubjectSearch(
                number(p, "threshold"),
                number(p, "minContrast"),
                number(p, "grow"),
                number(p, "centreSigma"),
                number(p, "edgeWeight"),
                number(p, "minAgreement"));
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalStateException(RESOURCE + ": " + key + " missing");
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + ": " + key + " must be a number, got " + v, e);
        }
    }

    /** The subject's box in image pixels, with its contrast as score; null when none stands out enough. */
    public Box find(SubjectCues cues, List<Box> faces, int imageWidth, int imageHeight) {
        return accepted(estimate(cues, faces, imageWidth, imageHeight, minAgreement > 0));
    }

    /** The estimate's box if it passes this search's tests for doubt, else null. */
    public Box accepted(Estimate e) {
        if (e == null || e.contrast() < minContrast || e.agreement() < minAgreement) return null;
        return e.box();
    }

    /** The best box with its contrast and the cues' agreement; null when the map is flat. */
    public Estimate estimate(SubjectCues cues, List<Box> faces, int imageWidth, int imageHeight) {
        return estimate(cues, faces, imageWidth, imageHeight, true);
    }

    private Estimate estimate(
            SubjectCues cues, List<Box> faces, int imageWidth, int imageHeight, boolean withAgreement) {
        int side = SubjectCues.SIDE;
        float[] map = map(cues, faces, imageWidth, imageHeight);
        int[] best = bestBox(map, side, threshold);
        if (best == null) return null;
        double max = 0, total = 0, inside = 0;
        for (float v : map) {
            max = Math.max(max, v);
            total += v;
        }
        int n = 0;
        for (int y = best[1]; y <= best[3]; y++)
            for (int x = best[0]; x <= best[2]; x++, n++) inside += map[y * side + x];
        int outsideCells = map.length - n;
        double contrast = (inside / n - (outsideCells == 0 ? 0 : (total - inside) / outsideCells)) / max;
        double agreement = withAgreement ? agreement(cues, faces, imageWidth, imageHeight, best) : 1;
        double sx = (double) imageWidth / side, sy = (double) imageHeight / side;
        double w = (best[2] - best[0] + 1) * sx, h = (best[3] - best[1] + 1) * sy;
        Box box = new Box(best[0] * sx, best[1] * sy, w, h, Math.max(0, Math.min(1, contrast)))
                .expanded(grow)
                .clipped(imageWidth, imageHeight);
        return new Estimate(box, contrast, agreement);
    }

    /** The maximum-sum box of {@code map} at a level {@code threshold} of the way from its mean to its peak. */
    private static int[] bestBox(float[] map, int side, double threshold) {
        double max = 0, mean = 0;
        for (float v : map) {
            max = Math.max(max, v);
            mean += v;
        }
        mean /= map.length;
        if (max - mean < 1e-6) return null;
        return maximumSumBox(map, side, mean + threshold * (max - mean));
    }

    /** Mean IoU of each cue's own box (the same search on that cue alone) with the combined box. */
    private double agreement(SubjectCues cues, List<Box> faces, int imageWidth, int imageHeight, int[] combined) {
        float[][] each = edgeWeight > 0
                ? new float[][] {cues.contrast(), cues.residual(), cues.border(), cues.edges()}
                : new float[][] {cues.contrast(), cues.residual(), cues.border()};
        double sum = 0;
        for (float[] cue : each) {
            SubjectCues alone = new SubjectCues(cue, cue, cue, new float[cue.length]);
            int[] box = bestBox(
                    new SubjectSearch(threshold, 0, 0, centreSigma, 0).map(alone, faces, imageWidth, imageHeight),
                    SubjectCues.SIDE,
                    threshold);
            sum += box == null ? 0 : iou(box, combined);
        }
        return sum / each.length;
    }

    static double iou(int[] a, int[] b) {
        int iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1, ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1;
        if (iw <= 0 || ih <= 0) return 0;
        double inter = (double) iw * ih;
        double areaA = (double) (a[2] - a[0] + 1) * (a[3] - a[1] + 1),
                areaB = (double) (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
        return inter / (areaA + areaB - inter);
    }

    /** The cues averaged, faces set to the peak, weighted by the centre prior. */
    float[] map(SubjectCues cues, List<Box> faces, int imageWidth, int imageHeight) {
        int side = SubjectCues.SIDE;
        float[] out = new float[side * side];
        double weights = 3 + edgeWeight;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                double v = (cues.contrast()[i] + cues.residual()[i] + cues.border()[i] + edgeWeight * cues.edges()[i])
                        / weights;
                double dx = (x + 0.5) / side - 0.5, dy = (y + 0.5) / side - 0.5;
                out[i] = (float) (v * Math.exp(-(dx * dx + dy * dy) / (2 * centreSigma * centreSigma)));
            }
        }
        double sx = (double) side / imageWidth, sy = (double) side / imageHeight;
        for (Box f : faces) {
            int x0 = (int) Math.floor(f.x() * sx), x1 = Math.min(side - 1, (int) Math.floor(f.right() * sx));
            int y0 = (int) Math.floor(f.y() * sy), y1 = Math.min(side - 1, (int) Math.floor(f.bottom() * sy));
            for (int y = Math.max(0, y0); y <= y1; y++)
                for (int x = Math.max(0, x0); x <= x1; x++) out[y * side + x] = 1f;
        }
        return out;
    }

    /** {x0, y0, x1, y1} (inclusive cells) of the box with the largest sum of {@code value - level}; null if none is positive. */
    static int[] maximumSumBox(float[] map, int side, double level) {
        double bestSum = 0;
        int[] best = null;
        double[] columns = new double[side];
        for (int top = 0; top < side; top++) {
            java.util.Arrays.fill(columns, 0);
            for (int bottom = top; bottom < side; bottom++) {
                for (int x = 0; x < side; x++) columns[x] += map[bottom * side + x] - level;
                double run = 0;
                int start = 0;
                for (int x = 0; x < side; x++) {
                    if (run <= 0) {
                        run = 0;
                        start = x;
                    }
                    run += columns[x];
                    if (run > bestSum) {
                        bestSum = run;
                        best = new int[] {start, top, x, bottom};
                    }
                }
            }
        }
        return best;
    }
}
