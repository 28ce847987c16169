package io.venuekit.assets.decode;

/**
 * Finds the orientation tag in a TIFF structure (an EXIF block is one). Parsed here rather than
 * through a metadata library because only one tag of the first IFD is needed, and a damaged EXIF
 * block must never fail an otherwise good image: anything unexpected means "upright".
 */
final class ExifOrientationReader {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientationReader() {}

    /** Orientation from TIFF bytes at {@code offset}, {@code length} long. */
    static Orientation fromTiff(byte[] b, int offset, int length) {
        int end = Math.min(b.length, offset + length);
        if (end - offset < 8) {
            return Orientation.NORMAL;
        }
        boolean little;
        if (b[offset] == 'I' && b[offset + 1] == 'I') {
            little = true;
        } else if (b[offset] == 'M' && b[offset + 1] == 'M') {
            little = false;
        } else {
            return Orientation.NORMAL;
        }
        long ifd = u32(b, offset + 4, little);
        int ifdAt = (int) Math.min(Integer.MAX_VALUE, offset + ifd);
        if (ifd < 8 || ifdAt + 2 > end) {
            return Orientation.NORMAL;
        }
        int entries = u16(b, ifdAt, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifdAt + 2 + i * 12;
            if (entry + 12 > end) {
                break;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                return Orientation.fromExif(u16(b, entry + 8, little));
            }
        }
        return Orientation.NORMAL;
    }

    /** The payload of a JPEG APP1 or WebP/PNG EXIF block, with or without the "Exif\0\0" prefix. */
    static Orientation fromExifBlock(byte[] b, int offset, int length) {
        if (length >= 6
                && b[offset] == 'E'
                && b[offset + 1] == 'x'
                && b[offset + 2] == 'i'
                && b[offset + 3] == 'f'
                && b[offset + 4] == 0
                && b[offset + 5] == 0) {
            return fromTiff(b, offset + 6, length - 6);
        }
        return fromTiff(b, offset, length);
    }

    static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xFF;
        int c = b[at + 1] & 0xFF;
        return little ? a | c << 8 : a << 8 | c;
    }

    static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            v |= (long) (b[at + i] & 0xFF) << shift;
        }
        return v;
    }
}
