package io.venuekit.assets.detect;

/**
 * An axis-aligned box in the pixels of the analysed image, with the detector's score
 * (0..1; 1 for boxes that are not scored).
 */
public record Box(double x, double y, double w, double h, double score) {

    public Box {
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("box size must not be negative, got " + w + "x" + h);
        }
    }

    public static Box of(double x, double y, double w, double h) {
        return new Box(x, y, w, h, 1.0);
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double area() {
        return w * h;
    }

    public double centreX() {
        return x + w / 2;
    }

    public double centreY() {
        return y + h / 2;
    }

    /** The same box in an image scaled by {@code factor} (e.g. analysis size back to source size). */
    public Box scaled(double factor) {
        return new Box(x * factor, y * factor, w * factor, h * factor, score);
    }

    /** Grown by {@code fraction} of its own size on every side. */
    public Box expanded(double fraction) {
        return new Box(x - w * fraction, y - h * fraction, w * (1 + 2 * fraction), h * (1 + 2 * fraction), score);
    }

    /** Cut to the image rectangle {@code [0,width) x [0,height)}. */
    public Box clipped(double width, double height) {
        double nx = Math.max(0, x), ny = Math.max(0, y);
        double nr = Math.min(width, right()), nb = Math.min(height, bottom());
        return new Box(nx, ny, Math.max(0, nr - nx), Math.max(0, nb - ny), score);
    }

    public boolean intersects(Box other) {
        return intersectionArea(other) > 0;
    }

    public double intersectionArea(Box other) {
        double iw = Math.min(right(), other.right()) - Math.max(x, other.x);
        double ih = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        return iw <= 0 || ih <= 0 ? 0 : iw * ih;
    }

    /** Intersection over union, 0 when either box is empty. */
    public double iou(Box other) {
        double inter = intersectionArea(other);
        double union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Whether {@code other} lies wholly inside this box. */
    public boolean contains(Box other) {
        return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
    }

    public Box withScore(double newScore) {
        return new Box(x, y, w, h, newScore);
    }
}
