package io.venuekit.assets.crop;

import io.venuekit.assets.detect.Box;

/**
 * Whether a window keeps the operator's focus, the planner's first rule: the point inside; a box
 * inside on each axis where it fits in the shape's largest window, and on an axis where it is
 * longer, covered by as much as that largest window spans. Such a window always exists, so the
 * rule never has to give way and a crop that says it follows the focus always does.
 */
record FocusFit(Box region, int largestWidth, int largestHeight) {

    /** Rounding a window to whole pixels may leave it this far short of a box edge. */
    private static final double SLACK = 1.0;

    /** The focus in image pixels, or null for none. A point is a box without area. */
    static FocusFit of(Focus focus, int imageWidth, int imageHeight, int[] largest) {
        if (focus == null) {
            return null;
        }
        double w = focus.hasRegion() ? focus.w() * imageWidth : 0, h = focus.hasRegion() ? focus.h() * imageHeight : 0;
        return new FocusFit(Box.of(focus.x() * imageWidth, focus.y() * imageHeight, w, h), largest[0], largest[1]);
    }

    boolean keptBy(Window win) {
        return keptAcross(win.x(), win.w()) && keptDown(win.y(), win.h());
    }

    /** The horizontal half of {@link #keptBy}: a window from {@code x}, {@code w} wide. */
    boolean keptAcross(int x, int w) {
        return axis(x, w, region.x(), region.w(), largestWidth);
    }

    /** The vertical half of {@link #keptBy}. */
    boolean keptDown(int y, int h) {
        return axis(y, h, region.y(), region.h(), largestHeight);
    }

    /** Whether the box is larger than any window of the shape, on either axis. */
    boolean tooBig() {
        return region.w() > largestWidth + SLACK || region.h() > largestHeight + SLACK;
    }

    private static boolean axis(int winLo, int winSize, double lo, double size, int largest) {
        double winHi = winLo + winSize;
        if (size <= largest) {
            return winLo <= lo + SLACK && winHi >= lo + size - SLACK;
        }
        return Math.min(winHi, lo + size) - Math.max(winLo, lo) >= largest - SLACK;
    }
}
