package io.venuekit.renderer.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * A use's own focus from a page's image prop: a point ({@code w}, {@code h} null) or a box, in
 * fractions of the image, rounded to 1/10,000 so that focuses no one could tell apart share their
 * crops (and the pixel they name on a 10,000-px image).
 */
public record ImageFocus(double x, double y, Double w, Double h) {

    private static final double STEP = 10_000;

    public ImageFocus {
        x = round(x);
        y = round(y);
        w = w == null ? null : round(w);
        h = h == null ? null : round(h);
    }

    /**
     * The focus of an image prop, or empty when it has none or one the page validator would refuse
     * (out of 0..1, a box without area, half a box): such a use keeps the asset-wide crop.
     */
    public static Optional<ImageFocus> of(JsonNode ref) {
        JsonNode f = ref == null ? null : ref.get("focus");
        if (f == null || !f.isObject()) {
            return Optional.empty();
        }
        Double x = fraction(f.get("x")), y = fraction(f.get("y")), w = fraction(f.get("w")), h = fraction(f.get("h"));
        if (x == null
                || y == null
                || (w == null) != (h == null)
                || (f.hasNonNull("w") && w == null)
                || (f.hasNonNull("h") && h == null)) {
            return Optional.empty();
        }
        if (w != null && (w <= 0 || h <= 0 || x + w > 1 + 1e-9 || y + h > 1 + 1e-9)) {
            return Optional.empty();
        }
        ImageFocus focus = new ImageFocus(x, y, w, h);
        return focus.hasRegion() && (focus.w() <= 0 || focus.h() <= 0) ? Optional.empty() : Optional.of(focus);
    }

    public boolean hasRegion() {
        return w != null;
    }

    /** The same focus always gives the same key: what crops made for it are stored and shared under. */
    public String key() {
        return hasRegion()
                ? String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", x, y, w, h)
                : String.format(Locale.ROOT, "%.4f,%.4f", x, y);
    }

    private static Double fraction(JsonNode v) {
        if (v == null || v.isNull() || !v.isNumber()) {
            return null;
        }
        double d = v.asDouble();
        return d >= 0 && d <= 1 ? d : null;
    }

    private static double round(double v) {
        return Math.min(1.0, Math.max(0.0, Math.round(v * STEP) / STEP));
    }
}
