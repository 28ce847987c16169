package io.venuekit.server.asset;

import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.decode.ImageFormat;
import io.venuekit.assets.decode.ImageHeader;

/**
 * Whether a JPEG or PNG upload reaches its end marker, checked at upload time so a cut-off file is
 * answered with 422 at once instead of failing later in its job. A byte scan, no decoding. The
 * pipeline's decoder makes the same JPEG check again, so a file that slips past here still fails
 * with the same reason.
 */
final class TruncationCheck {

    private static final byte[] IEND = {'I', 'E', 'N', 'D'};

    private TruncationCheck() {
    }

    static void check(ImageHeader header, byte[] bytes) {
        boolean complete = switch (header.format()) {
            case JPEG -> jpegEnds(bytes);
            case PNG -> pngEnds(bytes);
            default -> true;
        };
        if (!complete) {
            throw AssetRejectedException.corrupt(header.format().name(), "it ends before its last "
                    + (header.format() == ImageFormat.JPEG ? "marker (the upload was cut off)" : "chunk (the upload was cut off)"), null);
        }
    }

    /** An end-of-image marker after the first scan; inside scan data 0xFF is stuffed, so FF D9 there is the real end. */
    private static boolean jpegEnds(byte[] b) {
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
            } else if (marker == 0xDA) {
                for (int i = at; i + 1 < b.length; i++) {
                    if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                        return true;
                    }
                }
                return false;
            } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
            } else {
                at += 2 + ((b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF));
            }
        }
        return false;
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
