package io.venuekit.assets;

import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.detect.Detections;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A decoded upload and its detections (in source pixels), kept so a new operator focus can be
 * planned and rendered without decoding or detecting again.
 *
 * @param decoded the decoder's output (subsampled by a power of two when the source is large)
 * @param working {@code decoded} scaled to what the largest window of every shape needs (may be the
 *                same image); most variants are made from it, a crop smaller than its shape's largest
 *                window from {@code decoded}
 */
public record SourceImage(
        String contentHash, DecodedImage decoded, BufferedImage working, Detections detections, List<String> notes) {

    public SourceImage {
        notes = List.copyOf(notes);
    }
}
