package io.venuekit.assets.decode;

/**
 * Facts read from the file's header without decoding a pixel.
 *
 * @param format        the sniffed format
 * @param storedWidth   width as stored (before the EXIF orientation is applied)
 * @param storedHeight  height as stored
 * @param orientation   the EXIF orientation, {@link Orientation#NORMAL} when there is none
 * @param colourSpace   "RGB", "Grey", "CMYK", "YCCK" or "Indexed"
 * @param iccProfile    whether an embedded ICC profile was found (JPEG only; others report false)
 * @param progressive   whether a JPEG is progressive (false for other formats)
 * @param bytes         size of the file
 */
public record ImageHeader(
        ImageFormat format,
        int storedWidth,
        int storedHeight,
        Orientation orientation,
        String colourSpace,
        boolean iccProfile,
        boolean progressive,
        long bytes) {

    /** Width as the image is seen, after orientation. */
    public int width() {
        return orientation.swapsAxes() ? storedHeight : storedWidth;
    }

    /** Height as the image is seen, after orientation. */
    public int height() {
        return orientation.swapsAxes() ? storedWidth : storedHeight;
    }

    public long pixels() {
        return (long) storedWidth * storedHeight;
    }
}
