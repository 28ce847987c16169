package io.venuekit.assets.saliency;

/**
 * How salient each cell of a coarse grid over the image is, in 0..1, row-major. The grid
 * covers the whole image; cell (x, y) stands for image pixels scaled by
 * {@code imageWidth / width} and {@code imageHeight / height}.
 */
public record SaliencyMap(int width, int height, float[] values) {

    public SaliencyMap {
        if (values.length != width * height) {
            throw new IllegalArgumentException("saliency map: " + width + "x" + height + " needs " + width * height
                    + " values, got " + values.length);
        }
        values = values.clone();
    }

    public float at(int x, int y) {
        return values[y * width + x];
    }

    /** A copy scaled so that the largest value is 1 (all zeros stay zeros). */
    public SaliencyMap normalised() {
        float max = 0, min = Float.MAX_VALUE;
        for (float v : values) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        float[] out = new float[values.length];
        if (max > min) {
            for (int i = 0; i < out.length; i++) out[i] = (values[i] - min) / (max - min);
        }
        return new SaliencyMap(width, height, out);
    }
}
