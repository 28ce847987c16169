package io.venuekit.assets.decode;

import java.nio.charset.StandardCharsets;

/**
 * Walks a file's container structure (JPEG markers, PNG chunks, RIFF chunks, the TIFF header) for
 * the facts ImageIO readers only expose through format-specific metadata trees: EXIF orientation,
 * colour space, ICC profile, progressive. Stops before the compressed pixel data, so it costs
 * microseconds, and treats anything malformed as "not present": the decoder judges damage.
 */
final class ContainerScanner {

    record Facts(Orientation orientation, String colourSpace, boolean iccProfile, boolean progressive) {
        static final Facts PLAIN = new Facts(Orientation.NORMAL, "RGB", false, false);
    }

    private ContainerScanner() {
    }

    static Facts scan(ImageFormat format, byte[] b) {
        try {
            return switch (format) {
                case JPEG -> jpeg(b);
                case PNG -> png(b);
                case WEBP -> webp(b);
                case GIF -> new Facts(Orientation.NORMAL, "Indexed", false, false);
                case TIFF -> new Facts(ExifOrientationReader.fromTiff(b, 0, b.length), "RGB", false, false);
            };
        } catch (RuntimeException malformed) {
            return Facts.PLAIN;
        }
    }

    private static Facts jpeg(byte[] b) {
        Orientation orientation = Orientation.NORMAL;
        boolean icc = false;
        boolean progressive = false;
        int components = 3;
        int adobeTransform = -1;
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                break;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan: everything we want comes before it
            }
            int length = (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
            int payload = at + 4;
            int payloadLength = Math.min(length - 2, b.length - payload);
            if (marker == 0xE1 && orientation == Orientation.NORMAL && startsWith(b, payload, "Exif\0\0")) {
                orientation = ExifOrientationReader.fromExifBlock(b, payload, payloadLength);
            } else if (marker == 0xE2 && startsWith(b, payload, "ICC_PROFILE\0")) {
                icc = true;
            } else if (marker == 0xEE && startsWith(b, payload, "Adobe") && payloadLength >= 12) {
                adobeTransform = b[payload + 11] & 0xFF;
            } else if (isStartOfFrame(marker) && payloadLength >= 6) {
                progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
                components = b[payload + 5] & 0xFF;
            }
            at += 2 + length;
        }
        String colourSpace = switch (components) {
            case 1 -> "Grey";
            case 4 -> adobeTransform == 2 ? "YCCK" : "CMYK";
            default -> "RGB";
        };
        return new Facts(orientation, colourSpace, icc, progressive);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Facts png(byte[] b) {
        int colourType = b.length > 25 ? b[25] & 0xFF : 2;
        String colourSpace = switch (colourType) {
            case 0, 4 -> "Grey";
            case 3 -> "Indexed";
            default -> "RGB";
        };
        Orientation orientation = Orientation.NORMAL;
        boolean icc = false;
        int at = 8;
        while (at + 8 <= b.length) {
            long length = ExifOrientationReader.u32(b, at, false);
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT") || length > b.length) {
                break;
            }
            if (type.equals("eXIf")) {
                orientation = ExifOrientationReader.fromExifBlock(b, at + 8, (int) length);
            } else if (type.equals("iCCP")) {
                icc = true;
            }
            at += 12 + (int) length;
        }
        return new Facts(orientation, colourSpace, icc, false);
    }

    private static Facts webp(byte[] b) {
        Orientation orientation = Orientation.NORMAL;
        boolean icc = false;
        int at = 12;
        while (at + 8 <= b.length) {
            String type = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            long size = ExifOrientationReader.u32(b, at + 4, true);
            if (size > b.length) {
                break;
            }
            if (type.equals("EXIF")) {
                orientation = ExifOrientationReader.fromExifBlock(b, at + 8, (int) size);
            } else if (type.equals("ICCP")) {
                icc = true;
            }
            at += 8 + (int) size + (int) (size & 1);
        }
        return new Facts(orientation, "RGB", icc, false);
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        if (at + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
