package io.venuekit.assets.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression as MediaPipe's BlazeFace does it ("weighted" NMS): overlapping
 * boxes are blended, weighted by score, into one box that keeps the best score.
 */
final class OverlapRemoval {

    static final double FACE_IOU = 0.3;

    private OverlapRemoval() {}

    /** Face boxes from several views or models as one list: weighted NMS, then nested boxes dropped. */
    static List<Box> mergedFaces(List<Box> boxes) {
        return withoutNested(weighted(boxes, FACE_IOU), 0.8);
    }

    static List<Box> weighted(List<Box> boxes, double iouThreshold) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Box::score)
                .reversed()
                .thenComparingDouble(Box::x)
                .thenComparingDouble(Box::y));
        boolean[] used = new boolean[sorted.size()];
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) continue;
            Box best = sorted.get(i);
            double sx = 0, sy = 0, sr = 0, sb = 0, sw = 0;
            for (int j = i; j < sorted.size(); j++) {
                if (used[j]) continue;
                Box b = sorted.get(j);
                if (j != i && best.iou(b) < iouThreshold) continue;
                used[j] = true;
                double wgt = b.score();
                sx += b.x() * wgt;
                sy += b.y() * wgt;
                sr += b.right() * wgt;
                sb += b.bottom() * wgt;
                sw += wgt;
            }
            double x = sx / sw, y = sy / sw;
            out.add(new Box(x, y, sr / sw - x, sb / sw - y, best.score()));
        }
        return out;
    }

    /**
     * Drops a box that mostly covers, or lies mostly inside, a better-scoring one: the same
     * face seen at two scales (a tile and the whole image) overlaps too little for IoU to
     * match, so the share of the smaller box is used, as tiled detectors (SAHI) do.
     */
    static List<Box> withoutNested(List<Box> boxes, double smallerShare) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Box::score)
                .reversed()
                .thenComparingDouble(Box::x)
                .thenComparingDouble(Box::y));
        List<Box> kept = new ArrayList<>();
        for (Box b : sorted) {
            boolean nested = false;
            for (Box k : kept) {
                double smaller = Math.min(b.area(), k.area());
                if (smaller > 0 && k.intersectionArea(b) >= smallerShare * smaller) {
                    nested = true;
                    break;
                }
            }
            if (!nested) kept.add(b);
        }
        return kept;
    }
}
