package io.venuekit.assets.decode;

import io.venuekit.assets.AssetRejectedException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Decodes an upload whose header has been checked into an upright sRGB image, reading every n-th
 * pixel when the variants do not need full resolution: a 50 MP photo decoded at 1/2 needs a
 * quarter of the memory, which is what lets the server run at {@code -Xmx512m}.
 * (The JPEG decoder still entropy-decodes every block; subsampling saves memory and the colour
 * conversion of skipped pixels, not the Huffman work.)
 * Stateless and thread-safe.
 */
public final class ImageDecoder {

    /** Reader warnings that mean the data ended early; the reader still returns an image, grey below the cut. */
    private static final List<String> TRUNCATION_WARNINGS =
            List.of("premature end", "truncat", "corrupt jpeg data", "unexpected end", "end of file", "eof");

    /**
     * Decoded pixels above which a further halving is taken even if it costs some sharpness:
     * 16 MP is 64 MB as int pixels, which keeps a 50 MP upload inside a 512 MB heap.
     */
    public static final long DECODE_PIXEL_BUDGET = 16_000_000L;

    /** Sniffs, checks limits, and decodes so that the long side is at least {@code minLongSide} (0 = full size). */
    public DecodedImage decode(byte[] bytes, ImageLimits limits, int minLongSide) {
        ImageHeader header = HeaderReader.read(bytes, limits);
        int longSide = Math.max(header.width(), header.height());
        return decode(bytes, header, minLongSide <= 0 ? 1 : subsamplingFor(header, minLongSide / (double) longSide));
    }

    /**
     * The power-of-two subsampling for an image that will be scaled to {@code neededScale} of its
     * size. Subsampling keeps every n-th pixel and drops the rest (no averaging), so where memory
     * allows it leaves twice the needed resolution for the resizer to average down, which keeps
     * noise and fine patterns from aliasing; above {@link #DECODE_PIXEL_BUDGET} it halves further,
     * but never below the needed resolution. Powers of two because readers skip those cheaply.
     */
    public static int subsamplingFor(ImageHeader header, double neededScale) {
        if (neededScale >= 1) {
            return 1;
        }
        int cover = largestPowerOfTwoAtMost(1 / neededScale);
        int s = largestPowerOfTwoAtMost(1 / (2 * neededScale));
        while (s < cover && header.pixels() / ((long) s * s) > DECODE_PIXEL_BUDGET) {
            s *= 2;
        }
        return s;
    }

    /** The largest power of two not above {@code ratio}, and at least 1. */
    public static int largestPowerOfTwoAtMost(double ratio) {
        int s = 1;
        while (s * 2 <= ratio && s < 64) {
            s *= 2;
        }
        return s;
    }

    /** Decodes with a given subsampling factor, then converts to sRGB and applies the EXIF orientation. */
    public DecodedImage decode(byte[] bytes, ImageHeader header, int subsampling) {
        ImageReader reader = Readers.open(header.format(), bytes);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage raw;
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            raw = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw AssetRejectedException.corrupt(header.format().displayName(), describe(e), e);
        } finally {
            reader.dispose();
        }
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (TRUNCATION_WARNINGS.stream().anyMatch(lower::contains)) {
                throw AssetRejectedException.corrupt(header.format().displayName(), ImageEnd.CUT_OFF, null);
            }
        }
        ImageEnd.require(header, bytes);
        boolean alpha = raw.getColorModel().hasAlpha();
        BufferedImage rgb = SrgbConverter.toIntRgb(raw);
        return new DecodedImage(header, header.orientation().apply(rgb), subsampling, alpha);
    }

    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof java.io.EOFException
                    || message.contains("eof")
                    || message.contains("end of")
                    || message.contains("unexpected end")
                    || message.contains("truncat")) {
                return ImageEnd.CUT_OFF;
            }
        }
        return "its picture data could not be decoded";
    }
}
