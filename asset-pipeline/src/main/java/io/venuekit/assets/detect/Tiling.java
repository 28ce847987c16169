package io.venuekit.assets.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Which views of an image a fixed-size detector runs on: the whole image, plus overlapping
 * square tiles when the image is much larger than the model's input, so that small faces
 * are seen at a size the model finds.
 *
 * @param maxUpscale tiles are made no smaller than {@code modelSize / maxUpscale} pixels
 * @param tileFactor a tile's side is the image's short side divided by this (1 = no tiles)
 * @param overlap    fraction of a tile shared with its neighbour
 * @param gate       a tile is looked at only when the whole-image view saw a face-like box scoring
 *                   at least this inside it (0: every tile): a face too small for the whole view to
 *                   be sure of still scores above chance there, and most tiles hold none
 */
public record Tiling(double maxUpscale, double tileFactor, double overlap, double gate) {

    public static final Tiling NONE = new Tiling(1, 1, 0, 0);

    /** Every tile, whatever the whole view saw. */
    public Tiling(double maxUpscale, double tileFactor, double overlap) {
        this(maxUpscale, tileFactor, overlap, 0);
    }

    /** Whether a tile is worth running, given the whole view's candidates (image pixels, with scores). */
    boolean worthRunning(Box tile, List<Box> candidates) {
        if (gate <= 0) return true;
        for (Box c : candidates) {
            if (c.score() >= gate
                    && c.centreX() >= tile.x()
                    && c.centreX() <= tile.right()
                    && c.centreY() >= tile.y()
                    && c.centreY() <= tile.bottom()) return true;
        }
        return false;
    }

    List<Box> views(int width, int height, int modelSize) {
        List<Box> views = new ArrayList<>();
        views.add(Box.of(0, 0, width, height));
        double tile = Math.min(width, height) / tileFactor;
        tile = Math.max(tile, modelSize / maxUpscale);
        if (tileFactor <= 1 || tile >= Math.max(width, height) * 0.9) {
            return views;
        }
        double step = tile * (1 - overlap);
        for (double y : starts(height, tile, step)) {
            for (double x : starts(width, tile, step)) {
                views.add(Box.of(x, y, Math.min(tile, width), Math.min(tile, height)));
            }
        }
        return views;
    }

    private static List<Double> starts(int extent, double tile, double step) {
        List<Double> s = new ArrayList<>();
        if (tile >= extent) {
            s.add(0.0);
            return s;
        }
        int n = (int) Math.ceil((extent - tile) / step) + 1;
        double realStep = (extent - tile) / (n - 1);
        for (int i = 0; i < n; i++) s.add(i * realStep);
        return s;
    }
}
