package io.venuekit.assets.crop;

import java.util.List;

/**
 * The window chosen for one slot shape, in the pixels of the image it was planned on.
 *
 * @param reasons why this window was chosen ("keeps 2 faces", "largest window", ...)
 * @param gaveWay the rules that had to give way, in the order they were relaxed; empty when none
 */
public record Crop(String aspect, int x, int y, int width, int height, List<String> reasons, List<String> gaveWay) {

    public Crop {
        reasons = List.copyOf(reasons);
        gaveWay = List.copyOf(gaveWay);
    }

    /** The same crop on an image scaled by {@code factor}, kept inside {@code imageWidth x imageHeight}. */
    public Crop scaled(double factor, int imageWidth, int imageHeight) {
        int nx = (int) Math.round(x * factor), ny = (int) Math.round(y * factor);
        int nw = Math.min((int) Math.round(width * factor), imageWidth);
        int nh = Math.min((int) Math.round(height * factor), imageHeight);
        nx = Math.max(0, Math.min(nx, imageWidth - nw));
        ny = Math.max(0, Math.min(ny, imageHeight - nh));
        return new Crop(aspect, nx, ny, nw, nh, reasons, gaveWay);
    }
}
