package io.venuekit.assets.decode;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Picks the ImageIO reader for a format. TwelveMonkeys is preferred where it registers one (JPEG:
 * CMYK/YCCK and ICC profiles the JDK reader gets wrong or refuses; WebP, TIFF: the JDK has none);
 * webp-imageio's native reader is also on the class path and would otherwise win by chance.
 * <p>
 * Readers are opened with metadata ignored. With it on, the JDK's PNG reader inflates every zTXt
 * and iTXt chunk into memory before the pixels: a 1.5 MB text chunk took 1.5 GB, and a decode
 * 3-4.5 GB of heap at its peak ({@code MetadataBombTest}). The pipeline needs no metadata tree:
 * orientation, colour space and the ICC profile's presence come from {@link ContainerScanner},
 * which reads them bounded by the file's own size; JPEG ICC profiles (CMYK/YCCK) are still
 * applied by TwelveMonkeys, which reads them from the APP2 segments whatever this flag says.
 */
final class Readers {

    static {
        // Decoding from a byte array: a disk cache only adds I/O.
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private Readers() {}

    /** A reader positioned on {@code bytes}; the caller disposes of it. */
    static ImageReader open(ImageFormat format, byte[] bytes) {
        ImageReader chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.readerName()); it.hasNext(); ) {
            ImageReader candidate = it.next();
            if (chosen == null || isTwelveMonkeys(candidate) && !isTwelveMonkeys(chosen)) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException(
                    "no ImageIO reader for " + format + "; is TwelveMonkeys on the class path?");
        }
        chosen.setInput(new ByteArrayImageInputStream(bytes), true, true);
        return chosen;
    }

    private static boolean isTwelveMonkeys(ImageReader reader) {
        return reader.getClass().getName().startsWith("com.twelvemonkeys.");
    }
}
