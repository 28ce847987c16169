package io.venuekit.assets.detect;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.FloatBuffer;

/**
 * A region of an image scaled, aspect kept, into a black {@code size x size} square as an
 * NHWC RGB float tensor in [-1, 1], with the mapping back to image pixels.
 */
record Letterbox(Box region, double scale, double offsetX, double offsetY, double contentWidth, double contentHeight) {

    /** Writes the square's tensor into {@code into} (at least {@code size * size * 3} floats, from index 0). */
    static Letterbox of(BufferedImage image, Box region, int size, FloatBuffer into) {
        double scale = size / Math.max(region.w(), region.h());
        double cw = region.w() * scale, ch = region.h() * scale;
        double ox = (size - cw) / 2, oy = (size - ch) / 2;
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int sx = (int) Math.round(region.x()), sy = (int) Math.round(region.y());
            int sx2 = (int) Math.round(region.right()), sy2 = (int) Math.round(region.bottom());
            g.drawImage(
                    image,
                    (int) Math.round(ox),
                    (int) Math.round(oy),
                    (int) Math.round(ox + cw),
                    (int) Math.round(oy + ch),
                    sx,
                    sy,
                    sx2,
                    sy2,
                    null);
        } finally {
            g.dispose();
        }
        // TYPE_INT_RGB's own pixels (getRGB would convert each through the colour model).
        int[] rgb = ((DataBufferInt) square.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < size * size; i++) {
            int p = rgb[i];
            into.put(i * 3, ((p >> 16) & 0xff) / 127.5f - 1f);
            into.put(i * 3 + 1, ((p >> 8) & 0xff) / 127.5f - 1f);
            into.put(i * 3 + 2, (p & 0xff) / 127.5f - 1f);
        }
        return new Letterbox(region, scale, ox, oy, cw, ch);
    }

    /** A box in the square's pixels to the source image's pixels. */
    Box toImage(Box inSquare) {
        return new Box(
                region.x() + (inSquare.x() - offsetX) / scale,
                region.y() + (inSquare.y() - offsetY) / scale,
                inSquare.w() / scale,
                inSquare.h() / scale,
                inSquare.score());
    }
}
