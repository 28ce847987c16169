package io.venuekit.assets.decode;

import io.venuekit.assets.AssetRejectedException;

/**
 * What the pipeline accepts before it spends memory on a file. Both checks run before any pixel
 * is decoded: the byte count on arrival, the pixel count from the header.
 *
 * @param maxBytes  largest upload, in bytes
 * @param maxPixels largest width × height, as stored in the header
 */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** 25 MB and 50 megapixels: a 50 MP JPEG from a good camera is 15-25 MB. */
    public static final ImageLimits DEFAULT = new ImageLimits(25L * 1024 * 1024, 50_000_000L);

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException(
                    "limits must be positive, got " + maxBytes + " bytes, " + maxPixels + " pixels");
        }
    }

    public void checkBytes(long bytes) {
        if (bytes > maxBytes) {
            throw AssetRejectedException.tooManyBytes(bytes, maxBytes);
        }
    }

    public void checkPixels(int width, int height) {
        if ((long) width * height > maxPixels) {
            throw AssetRejectedException.tooManyPixels(width, height, maxPixels);
        }
    }
}
