package io.venuekit.assets.decode;

import io.venuekit.assets.AssetRejectedException;

/**
 * Whether an image file reaches its end, by a byte scan without decoding: checked when an upload
 * arrives, so a cut-off file is answered at once instead of failing later in its job, and again by
 * the decoder, which would otherwise return a cut-off JPEG grey below the cut.
 */
public final class ImageEnd {

    static final String CUT_OFF = "it ends before the picture does (the upload may have been cut off)";
    private static final byte[] IEND = {'I', 'E', 'N', 'D'};

    private ImageEnd() {}

    /** Refuses a JPEG without its end-of-image marker and a PNG without its last chunk. */
    public static void require(ImageHeader header, byte[] bytes) {
        boolean complete = switch (header.format()) {
            case JPEG -> JpegEnd.present(bytes);
            case PNG -> pngEnds(bytes);
            default -> true;
        };
        if (!complete) {
            throw AssetRejectedException.corrupt(header.format().displayName(), CUT_OFF, null);
        }
    }

    /** An IEND chunk type near the end (some tools append a few bytes after it). */
    private static boolean pngEnds(byte[] b) {
        for (int i = b.length - IEND.length; i >= Math.max(8, b.length - 4096); i--) {
            if (b[i] == IEND[0] && b[i + 1] == IEND[1] && b[i + 2] == IEND[2] && b[i + 3] == IEND[3]) {
                return true;
            }
        }
        return false;
    }
}
