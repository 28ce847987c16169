package io.venuekit.renderer.image;

/**
 * One encoded file of an asset.
 *
 * @param shape  the crop shape, e.g. {@code 16:9}
 * @param width  pixels
 * @param height pixels
 * @param format {@code jpeg} or {@code webp}
 * @param bytes  file size
 * @param url    where clients fetch it
 */
public record AssetVariant(String shape, int width, int height, String format, long bytes, String url) {

    public boolean isWebp() {
        return "webp".equals(format);
    }
}
