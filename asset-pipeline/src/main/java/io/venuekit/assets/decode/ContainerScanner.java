package io.venuekit.assets.decode;

import java.nio.charset.StandardCharsets;

/**
 * Walks a file's container structure (JPEG markers, PNG chunks, RIFF chunks, the TIFF header) for
 * the facts ImageIO readers only expose through format-specific metadata trees: EXIF orientation,
 * colour space, ICC profile, progressive. Stops before the compressed pixel data, so it costs
 * microseconds, and treats anything malformed as "not present": the decoder judges damage.
 */
final class ContainerScanner {

    /**
     * @param largestFrame width × height of the largest frame the bitstream itself declares, where it can say
     *                     otherwise than the header the reader reports (a WebP's VP8/VP8L/ANMF against its
     *                     VP8X canvas); null when the format has no such second size
     */
    record Facts(
            Orientation orientation, String colourSpace, boolean iccProfile, boolean progressive, int[] largestFrame) {
        static final Facts PLAIN = new Facts(Orientation.NORMAL, "RGB", false, false);

        Facts(Orientation orientation, String colourSpace, boolean iccProfile, boolean progressive) {
            this(orientation, colourSpace, iccProfile, progressive, null);
        }
    }

    private ContainerScanner() {}

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
        int[] largest = null;
        int at = 12;
        while (at + 8 <= b.length) {
            String type = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            long size = ExifOrientationReader.u32(b, at + 4, true);
            if (size > b.length) {
                break;
            }
            int payload = at + 8;
            if (type.equals("EXIF")) {
                orientation = ExifOrientationReader.fromExifBlock(b, payload, (int) size);
            } else if (type.equals("ICCP")) {
                icc = true;
            } else if (type.equals("VP8 ") && size >= 10) {
                // frame tag (3 bytes), start code (3), then 14-bit width and height (2 scale bits above each)
                largest = larger(
                        largest,
                        (int) ExifOrientationReader.u16(b, payload + 6, true) & 0x3FFF,
                        (int) ExifOrientationReader.u16(b, payload + 8, true) & 0x3FFF);
            } else if (type.equals("VP8L") && size >= 5 && (b[payload] & 0xFF) == 0x2F) {
                long bits = ExifOrientationReader.u32(b, payload + 1, true); // 14 bits width - 1, 14 bits height - 1
                largest = larger(largest, (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            } else if (type.equals("ANMF") && size >= 12) {
                // an animation frame: x, y, then width - 1 and height - 1 in 24 bits each; its own VP8/VP8L follows
                largest = larger(largest, u24(b, payload + 6) + 1, u24(b, payload + 9) + 1);
                at = payload + 16; // into the frame's chunks, whose bitstream sizes count too
                continue;
            }
            at += 8 + (int) size + (int) (size & 1);
        }
        return new Facts(orientation, "RGB", icc, false, largest);
    }

    private static int[] larger(int[] current, int w, int h) {
        return current == null || (long) w * h > (long) current[0] * current[1] ? new int[] {w, h} : current;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
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
