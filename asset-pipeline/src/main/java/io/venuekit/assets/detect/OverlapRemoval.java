package io.venuekit.assets.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression as MediaPipe's BlazeFace does it ("weighted" NMS): overlapping
 * boxes are blended, weighted by score, into one box that keeps the best score.
 */
final class OverlapRemoval {

    private OverlapRemoval() {
    }

    static List<Box> weighted(List<Box> boxes, double iouThreshold) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Box::score).reversed()
                .thenComparingDouble(Box::x).thenComparingDouble(Box::y));
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
}
