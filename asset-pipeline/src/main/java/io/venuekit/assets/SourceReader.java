package io.venuekit.assets;

import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.variant.Resizer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload bytes to what crops are planned and cut from: the decode (subsampled when the variants
 * allow), the working copy, the reduced copy the detectors see, the detections in source pixels,
 * and the notes that say what was done. The first half of {@link AssetProcessor}'s work.
 */
final class SourceReader {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);

    private final Detector detector;
    private final PipelineSettings settings;
    private final ImageDecoder decoder = new ImageDecoder();
    private final Resizer resizer = new Resizer();

    SourceReader(Detector detector, PipelineSettings settings) {
        this.detector = detector;
        this.settings = settings;
    }

    DecodedImage decode(byte[] bytes, ImageHeader header) {
        return decoder.decode(
                bytes,
                header,
                DecodeSize.subsampling(
                        header, settings.shapes(), settings.variants().widths()));
    }

    /**
     * The decode scaled once to the resolution the widest variant of the narrowest shape needs.
     * Shapes are resized from this smaller copy instead of from the full decode: for a 4000 × 3000
     * photo that more than halves the resizing work of all 48 files.
     */
    BufferedImage working(DecodedImage decoded) {
        ImageHeader header = decoded.header();
        double scale = DecodeSize.workingScale(
                header, settings.shapes(), settings.variants().widths());
        int width = (int) Math.ceil(header.width() * scale);
        int height = (int) Math.ceil(header.height() * scale);
        if (decoded.image().getWidth() <= width * 1.05) {
            return decoded.image();
        }
        return resizer.resize(decoded.image(), width, height);
    }

    /** Detections in source pixels. A detector that throws costs the detections, never the asset. */
    Detections detect(BufferedImage image, int sourceWidth) {
        BufferedImage analysed = analysed(image);
        Detections found;
        try {
            found = detector.detect(analysed);
        } catch (RuntimeException e) {
            LOG.warn("detection failed, planning crops without detections: {}", e.toString());
            found = new Detections(
                    List.of(),
                    List.of(),
                    null,
                    List.of("all detectors: failed on this image ("
                            + e.getClass().getSimpleName() + "); crops are centred"));
        }
        return found.scaled(sourceWidth / (double) analysed.getWidth());
    }

    /** The image at most {@code analysisLongSide} long: what the detectors see. */
    BufferedImage analysed(BufferedImage image) {
        int longSide = Math.max(image.getWidth(), image.getHeight());
        if (longSide <= settings.analysisLongSide()) return image;
        double f = settings.analysisLongSide() / (double) longSide;
        return resizer.resize(image, Math.max(1, (int) Math.round(image.getWidth() * f)), Math.max(1, (int)
                Math.round(image.getHeight() * f)));
    }

    List<String> notes(DecodedImage decoded, BufferedImage working) {
        List<String> notes = new ArrayList<>(settings.variants().unavailable());
        if (decoded.subsampling() > 1) {
            notes.add("decoded at 1/" + decoded.subsampling()
                    + " size: enough for the widest variant, at a fraction of the memory");
        }
        if (working.getWidth() < decoded.header().width()) {
            notes.add("variants made from a " + working.getWidth() + " × " + working.getHeight()
                    + " working copy, the resolution the widest variant of the narrowest shape needs");
        }
        if (decoded.alphaFlattened()) {
            notes.add("the image has transparency; it was laid over white, as JPEG and the variants are opaque");
        }
        if (decoded.header().orientation().exifValue() != 1) {
            notes.add("turned upright by EXIF orientation "
                    + decoded.header().orientation().exifValue());
        }
        return notes;
    }
}
