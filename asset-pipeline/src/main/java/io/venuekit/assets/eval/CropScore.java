package io.venuekit.assets.eval;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.detect.Box;
import java.util.List;

/**
 * The headline figures of crop-dev's {@code score.py}, counted in Java so cross-validation can
 * compare parameter sets without leaving the JVM: the subject box whole where a crop of the shape
 * can hold it (1 px slack), and face and word boxes cut (overlapped but not held, 2 px slack).
 * {@code score.py} stays the judge of the files written; this only ranks candidates.
 */
final class CropScore {

    int feasible, kept, faces, facesCut, words, wordsCut;

    /** Counts one crop of an image against its ground truth. */
    void add(Crop c, int imageWidth, int imageHeight, Box subjectOrNull, List<Box> trueFaces, List<Box> trueWords) {
        String[] p = c.aspect().split(":");
        double r = Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
        double mw = Math.min(imageWidth, imageHeight * r), mh = mw / r;
        if (subjectOrNull != null && subjectOrNull.w() <= mw + 1 && subjectOrNull.h() <= mh + 1) {
            feasible++;
            if (holds(c, subjectOrNull, 1)) kept++;
        }
        for (Box f : trueFaces) {
            faces++;
            if (overlaps(c, f) && !holds(c, f, 2)) facesCut++;
        }
        for (Box w : trueWords) {
            words++;
            if (overlaps(c, w) && !holds(c, w, 2)) wordsCut++;
        }
    }

    /** Subjects kept where feasible, less the shares of faces and words cut: what fitting maximises. */
    double objective() {
        return share(kept, feasible) - share(facesCut, faces) - share(wordsCut, words);
    }

    private static double share(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }

    private static boolean holds(Crop c, Box b, double slack) {
        return c.x() - slack <= b.x()
                && c.y() - slack <= b.y()
                && b.right() <= c.x() + c.width() + slack
                && b.bottom() <= c.y() + c.height() + slack;
    }

    private static boolean overlaps(Crop c, Box b) {
        return b.x() < c.x() + c.width() && c.x() < b.right() && b.y() < c.y() + c.height() && c.y() < b.bottom();
    }
}
