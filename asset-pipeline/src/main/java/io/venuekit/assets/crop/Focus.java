package io.venuekit.assets.crop;

/**
 * An operator's focus, in fractions (0..1) of the image: a point when {@code w} and {@code h}
 * are null, otherwise a region whose top-left corner is ({@code x}, {@code y}).
 */
public record Focus(double x, double y, Double w, Double h) {

    public Focus {
        check("x", x);
        check("y", y);
        if ((w == null) != (h == null)) {
            throw new IllegalArgumentException("focus: w and h go together, got w=" + w + ", h=" + h);
        }
        if (w != null) {
            check("w", w);
            check("h", h);
        }
    }

    public static Focus point(double x, double y) {
        return new Focus(x, y, null, null);
    }

    public boolean hasRegion() {
        return w != null;
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("focus/" + name + ": must be between 0 and 1, got " + v);
        }
    }
}
