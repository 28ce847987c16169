package io.venuekit.assets.decode;

/**
 * Whether a JPEG has its end-of-image marker after its pixel data. A cut-off upload decodes
 * "successfully" with grey below the cut (the decoder only warns, and not always), so the marker is
 * the reliable test. The search starts at the first scan: an EXIF thumbnail before it has its own
 * end marker, and inside scan data 0xFF is always stuffed, so FF D9 there can only be the real end.
 * Cameras that append data after the end marker still pass.
 */
final class JpegEnd {

    private JpegEnd() {}

    static boolean present(byte[] b) {
        int scan = firstScan(b);
        if (scan < 0) {
            return false;
        }
        for (int i = scan; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the first start-of-scan marker, skipping every segment by its length; -1 if none. */
    private static int firstScan(byte[] b) {
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
            } else if (marker == 0xDA) {
                return at;
            } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
            } else {
                at += 2 + ((b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF));
            }
        }
        return -1;
    }
}
