package io.venuekit.assets.crop;

import io.venuekit.assets.detect.Box;
import io.venuekit.assets.variant.Aspect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The windows the planner tries for one shape: sizes from the largest window down to half of
 * it, each at positions on a regular grid plus positions that put a window edge just outside
 * an edge of a box that matters (so a box can be kept or left out exactly). With a focus, only
 * windows that keep it: it is the first rule, and each axis can be checked on its own, which
 * leaves a few hundred windows to assess instead of tens of thousands.
 */
final class CandidateWindows {

    static final int SIZES = 14;
    static final double SMALLEST = 0.35;
    static final int GRID = 16;

    private CandidateWindows() {}

    static List<Window> of(int imageWidth, int imageHeight, Aspect aspect, List<Box> edges, FocusFit focusOrNull) {
        int[] largest = aspect.largestWindow(imageWidth, imageHeight);
        List<Window> out = new ArrayList<>();
        for (int s = 0; s < SIZES; s++) {
            double f = 1 - (1 - SMALLEST) * s / (SIZES - 1);
            int w = Math.max(1, (int) Math.round(largest[0] * f)), h = Math.max(1, (int) Math.round(largest[1] * f));
            if (s > 0 && Math.abs(w / (double) h - aspect.ratio()) > 0.02 * aspect.ratio()) {
                // Rounding a small window can bend the shape; keep the exact ratio instead.
                h = Math.max(1, (int) Math.round(w / aspect.ratio()));
                if (h > imageHeight) continue;
            }
            int[] ys = positions(imageHeight, h, edges, false);
            for (int x : positions(imageWidth, w, edges, true)) {
                if (focusOrNull != null && !focusOrNull.keptAcross(x, w)) continue;
                for (int y : ys) {
                    if (focusOrNull != null && !focusOrNull.keptDown(y, h)) continue;
                    out.add(new Window(x, y, w, h));
                }
            }
        }
        return out;
    }

    /** Distinct, ascending. */
    private static int[] positions(int extent, int size, List<Box> edges, boolean horizontal) {
        int free = extent - size;
        if (free <= 0) return new int[] {0};
        Positions p = new Positions(GRID + 1 + 5 * edges.size());
        for (int i = 0; i <= GRID; i++) p.add((int) Math.round((double) free * i / GRID));
        for (Box b : edges) {
            double lo = horizontal ? b.x() : b.y(), hi = horizontal ? b.right() : b.bottom();
            add(p, (int) Math.floor(lo) - 1, free);
            add(p, (int) Math.ceil(hi) + 1 - size, free);
            add(p, (int) Math.ceil(hi) + 1, free);
            add(p, (int) Math.floor(lo) - 1 - size, free);
            // centred on the box, moved inside the image: keeps a box that fits wherever it lies
            p.add(Math.max(0, Math.min(free, (int) Math.round((lo + hi) / 2 - size / 2.0))));
        }
        return p.sortedDistinct();
    }

    private static void add(Positions p, int v, int free) {
        if (v >= 0 && v <= free) p.add(v);
    }

    /** Positions collected in a plain array (a TreeSet of boxed integers was a tenth of the planning time). */
    private static final class Positions {
        private final int[] values;
        private int n;

        Positions(int capacity) {
            values = new int[capacity];
        }

        void add(int v) {
            values[n++] = v;
        }

        int[] sortedDistinct() {
            int[] v = Arrays.copyOf(values, n);
            Arrays.sort(v);
            int m = 0;
            for (int i = 0; i < v.length; i++) if (m == 0 || v[i] != v[m - 1]) v[m++] = v[i];
            return Arrays.copyOf(v, m);
        }
    }
}
