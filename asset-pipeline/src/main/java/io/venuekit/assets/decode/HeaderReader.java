package io.venuekit.assets.decode;

import io.venuekit.assets.AssetRejectedException;
import java.io.IOException;
import javax.imageio.ImageReader;

/**
 * Reads what an upload is and how big it is without decoding its pixels, so the limits are
 * enforced before any large allocation: a 20000 × 20000 PNG of a few hundred bytes is refused
 * here, having cost one header read.
 */
public final class HeaderReader {

    private HeaderReader() {}

    /** Sniffs, checks the byte and pixel limits, and reads the header facts. */
    public static ImageHeader read(byte[] bytes, ImageLimits limits) {
        limits.checkBytes(bytes.length);
        ImageFormat format = ImageSniffer.sniff(bytes);
        ImageReader reader = Readers.open(format, bytes);
        int width;
        int height;
        try {
            // ImageReader.getWidth/getHeight parse the header only; no raster is allocated.
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw AssetRejectedException.corrupt(format.displayName(), "its header could not be read", e);
        } finally {
            reader.dispose();
        }
        if (width <= 0 || height <= 0) {
            throw AssetRejectedException.corrupt(
                    format.displayName(), "its header says " + width + " × " + height + " pixels", null);
        }
        limits.checkPixels(width, height);
        ContainerScanner.Facts facts = ContainerScanner.scan(format, bytes);
        if (facts.largestFrame() != null) {
            // A WebP's bitstream may declare a larger frame than its canvas, and the decoder allocates the
            // frame: 16383 × 16383 in a 2 KB file took a minute and a gigabyte before this check.
            limits.checkPixels(facts.largestFrame()[0], facts.largestFrame()[1]);
        }
        return new ImageHeader(
                format,
                width,
                height,
                facts.orientation(),
                facts.colourSpace(),
                facts.iccProfile(),
                facts.progressive(),
                bytes.length);
    }
}
