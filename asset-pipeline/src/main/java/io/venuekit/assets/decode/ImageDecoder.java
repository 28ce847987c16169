package io.venuekit.assets.decode;

import io.venuekit.assets.AssetRejectedException;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes an upload whose header has been checked into an upright sRGB image, reading every n-th
 * pixel when the variants do not need full resolution: a 50 MP photo decoded at 1/2 needs a
 * quarter of the memory, which is what lets the server run at {@code -Xmx512m}.
 * Stateless and thread-safe.
 */
public final class ImageDecoder {

    /** Reader warnings that mean the data ended early; the reader still returns an image, grey below the cut. */
    private static final List<String> TRUNCATION_WARNINGS = List.of("premature end", "truncat", "corrupt jpeg data",
            "unexpected end", "end of file", "eof");

    /** Sniffs, checks limits, and decodes so that the long side is at least {@code minLongSide} (0 = full size). */
    public DecodedImage decode(byte[] bytes, ImageLimits limits, int minLongSide) {
        ImageHeader header = HeaderReader.read(bytes, limits);
        return decode(bytes, header, subsamplingFor(header, minLongSide));
    }

    /**
     * The largest power of two that still leaves the long side at least {@code minLongSide} pixels.
     * Powers of two because JPEG readers skip whole blocks cheaply at those factors.
     */
    public static int subsamplingFor(ImageHeader header, int minLongSide) {
        int longSide = Math.max(header.storedWidth(), header.storedHeight());
        return largestPowerOfTwoAtMost(minLongSide <= 0 ? 1 : longSide / (double) minLongSide);
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
            throw AssetRejectedException.corrupt(header.format().name(), describe(e), e);
        } finally {
            reader.dispose();
        }
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (TRUNCATION_WARNINGS.stream().anyMatch(lower::contains)) {
                throw AssetRejectedException.corrupt(header.format().name(),
                        "it ends before the picture does (the upload may have been cut off)", null);
            }
        }
        if (header.format() == ImageFormat.JPEG && !JpegEnd.present(bytes)) {
            throw AssetRejectedException.corrupt(header.format().name(),
                    "it ends before the picture does (the upload may have been cut off)", null);
        }
        boolean alpha = raw.getColorModel().hasAlpha();
        BufferedImage rgb = SrgbConverter.toIntRgb(raw);
        return new DecodedImage(header, header.orientation().apply(rgb), subsampling, alpha);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof java.io.EOFException || e.getCause() instanceof java.io.EOFException
                || message.contains("eof") || message.contains("end of")) {
            return "it ends before the picture does (the upload may have been cut off)";
        }
        return "its picture data could not be decoded";
    }
}
