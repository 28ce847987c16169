package io.venuekit.assets;

import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.decode.ImageHeader;

/**
 * The upload as the merchant sent it. Width and height are as seen (after the EXIF orientation);
 * {@code decodedWidth}/{@code decodedHeight} say at what size the pipeline actually worked.
 *
 * @param format      "JPEG", "PNG", "WEBP", "GIF" or "TIFF", sniffed from the bytes
 * @param orientation the EXIF orientation 1-8 that was applied
 * @param alpha       whether the source had transparency (laid over white in every variant)
 */
public record SourceFacts(
        String format,
        String mimeType,
        int width,
        int height,
        long bytes,
        int orientation,
        String colourSpace,
        boolean iccProfile,
        boolean progressive,
        boolean alpha,
        int decodedWidth,
        int decodedHeight) {

    static SourceFacts of(DecodedImage decoded) {
        ImageHeader h = decoded.header();
        return new SourceFacts(
                h.format().name(),
                h.format().mimeType(),
                h.width(),
                h.height(),
                h.bytes(),
                h.orientation().exifValue(),
                h.colourSpace(),
                h.iccProfile(),
                h.progressive(),
                decoded.alphaFlattened(),
                decoded.image().getWidth(),
                decoded.image().getHeight());
    }
}
