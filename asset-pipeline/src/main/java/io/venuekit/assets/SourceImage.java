package io.venuekit.assets;

import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.detect.Detections;

/**
 * A decoded upload and its detections (in source pixels), kept so a new operator focus can be
 * planned and rendered without decoding or detecting again.
 */
public record SourceImage(String contentHash, DecodedImage decoded, Detections detections, java.util.List<String> notes) {
}
