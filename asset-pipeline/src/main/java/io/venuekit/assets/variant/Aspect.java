package io.venuekit.assets.variant;

/**
 * A slot shape such as "16:9", for the crop planner (the largest window of it an image holds) and
 * the variant maker. Heights are derived from widths here, in one place, so every variant of a
 * shape has exactly the shape's proportions whatever the crop's rounding was.
 */
public record Aspect(int width, int height) {

    public Aspect {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("aspect sides must be positive, got " + width + ":" + height);
        }
    }

    /** Parses "w:h", e.g. "9:16". */
    public static Aspect parse(String shape) {
        int colon = shape == null ? -1 : shape.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("shape must look like \"16:9\", got \"" + shape + "\"");
        }
        try {
            return new Aspect(
                    Integer.parseInt(shape.substring(0, colon).trim()),
                    Integer.parseInt(shape.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shape must look like \"16:9\", got \"" + shape + "\"", e);
        }
    }

    public int heightFor(int w) {
        return Math.max(1, (int) Math.round(w * (double) height / width));
    }

    public double ratio() {
        return width / (double) height;
    }

    /** {width, height} of the largest window of this shape inside the image. */
    public int[] largestWindow(int imageWidth, int imageHeight) {
        double ratio = ratio();
        int w = imageWidth, h = (int) Math.round(imageWidth / ratio);
        if (h > imageHeight) {
            h = imageHeight;
            w = Math.min(imageWidth, (int) Math.round(imageHeight * ratio));
        }
        return new int[] {Math.max(1, w), Math.max(1, h)};
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }
}
