package io.venuekit.assets.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The EXIF orientation (tag 0x0112): how the stored pixels must be turned to be seen upright.
 * Phones store the sensor's rows and set this tag instead of rotating, so ignoring it shows
 * portraits lying on their side. {@link #apply} returns a new image and never changes its input.
 */
public enum Orientation {
    NORMAL(1),
    MIRROR_HORIZONTAL(2),
    ROTATE_180(3),
    MIRROR_VERTICAL(4),
    TRANSPOSE(5),
    ROTATE_90_CW(6),
    TRANSVERSE(7),
    ROTATE_270_CW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    public int exifValue() {
        return exifValue;
    }

    /** Values outside 1-8 (seen in the wild: 0, 9, 65535) are treated as upright, as browsers do. */
    public static Orientation fromExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /** Whether width and height trade places when this orientation is applied. */
    public boolean swapsAxes() {
        return exifValue >= 5;
    }

    /**
     * The upright image. Expects an int-packed image ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB},
     * which is what {@link ImageDecoder} produces) and keeps its type.
     */
    public BufferedImage apply(BufferedImage src) {
        if (this == NORMAL) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int type =
                src.getType() == BufferedImage.TYPE_INT_ARGB ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        int[] in = pixels(src);
        int dw = swapsAxes() ? h : w;
        int dh = swapsAxes() ? w : h;
        BufferedImage dst = new BufferedImage(dw, dh, type);
        int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < dh; y++) {
            int row = y * dw;
            for (int x = 0; x < dw; x++) {
                out[row + x] = in[sourceIndex(x, y, w, h)];
            }
        }
        return dst;
    }

    /** Index in the stored image of the pixel shown at upright (x, y). */
    private int sourceIndex(int x, int y, int w, int h) {
        return switch (this) {
            case NORMAL -> y * w + x;
            case MIRROR_HORIZONTAL -> y * w + (w - 1 - x);
            case ROTATE_180 -> (h - 1 - y) * w + (w - 1 - x);
            case MIRROR_VERTICAL -> (h - 1 - y) * w + x;
            case TRANSPOSE -> x * w + y;
            case ROTATE_90_CW -> (h - 1 - x) * w + y;
            case TRANSVERSE -> (h - 1 - x) * w + (w - 1 - y);
            case ROTATE_270_CW -> x * w + (w - 1 - y);
        };
    }

    private static int[] pixels(BufferedImage src) {
        if ((src.getType() == BufferedImage.TYPE_INT_RGB || src.getType() == BufferedImage.TYPE_INT_ARGB)
                && src.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && src.getRaster().getParent() == null) {
            return buffer.getData();
        }
        return src.getRGB(0, 0, src.getWidth(), src.getHeight(), null, 0, src.getWidth());
    }
}
