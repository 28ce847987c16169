package io.venuekit.assets.crop;

import io.venuekit.assets.detect.Box;

/** A candidate crop window in image pixels. */
record Window(int x, int y, int w, int h) {

    Box box() {
        return Box.of(x, y, w, h);
    }

    boolean contains(Box b) {
        return b.x() >= x - 0.5 && b.y() >= y - 0.5 && b.right() <= x + w + 0.5 && b.bottom() <= y + h + 0.5;
    }

    /** Cuts {@code b}: part of it inside, part outside. */
    boolean cuts(Box b) {
        return box().intersectionArea(b) > 0.5 && !contains(b);
    }

    double keptShare(Box b) {
        return b.area() <= 0 ? 1 : box().intersectionArea(b) / b.area();
    }

    double centreX() {
        return x + w / 2.0;
    }

    double centreY() {
        return y + h / 2.0;
    }
}
