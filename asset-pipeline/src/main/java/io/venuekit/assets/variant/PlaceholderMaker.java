package io.venuekit.assets.variant;

import java.awt.image.BufferedImage;
import java.util.Base64;

/**
 * Makes a {@link Placeholder} from a (small) variant of a crop. The preview is blurred before it is
 * encoded so the JPEG spends its few hundred bytes on colour, not on 8 × 8 block edges.
 */
public final class PlaceholderMaker {

    public static final int PREVIEW_WIDTH = 16;

    private final Resizer resizer = new Resizer();
    private final JpegEncoder encoder = new JpegEncoder(0.6f);

    public Placeholder make(BufferedImage image, Aspect aspect) {
        int width = Math.min(PREVIEW_WIDTH, image.getWidth());
        BufferedImage tiny = blur(resizer.resize(image, width, Math.min(image.getHeight(), aspect.heightFor(width))));
        String preview = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(encoder.encode(tiny));
        return new Placeholder(averageColour(image), preview);
    }

    static String averageColour(BufferedImage image) {
        long r = 0;
        long g = 0;
        long b = 0;
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int rgb : row) {
                r += rgb >> 16 & 0xFF;
                g += rgb >> 8 & 0xFF;
                b += rgb & 0xFF;
            }
        }
        long n = (long) w * h;
        return String.format("#%02x%02x%02x", r / n, g / n, b / n);
    }

    /** A 3 × 3 box blur, edges clamped. Returns a new image. */
    static BufferedImage blur(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int rgb =
                                src.getRGB(Math.min(w - 1, Math.max(0, x + dx)), Math.min(h - 1, Math.max(0, y + dy)));
                        r += rgb >> 16 & 0xFF;
                        g += rgb >> 8 & 0xFF;
                        b += rgb & 0xFF;
                    }
                }
                dst.setRGB(x, y, (r / 9) << 16 | (g / 9) << 8 | (b / 9));
            }
        }
        return dst;
    }
}
