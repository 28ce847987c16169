package io.venuekit.assets.decode;

import io.venuekit.assets.AssetRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells the image type from the first bytes of the file, never from its name or declared type:
 * both come from the client and are wrong often enough (a PNG named .jpg) or on purpose.
 */
public final class ImageSniffer {

    private ImageSniffer() {}

    /** The format of {@code bytes}; refuses SVG/XML and anything unknown with a merchant-readable reason. */
    public static ImageFormat sniff(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw AssetRejectedException.empty();
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ImageFormat.PNG;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return ImageFormat.WEBP;
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return ImageFormat.GIF;
        }
        if (startsWith(bytes, 0, 'I', 'I', 42, 0) || startsWith(bytes, 0, 'M', 'M', 0, 42)) {
            return ImageFormat.TIFF;
        }
        if (looksLikeXml(bytes)) {
            throw AssetRejectedException.svg();
        }
        throw AssetRejectedException.unknownType(guess(bytes));
    }

    /** SVG may start with a BOM, whitespace, an XML declaration, a comment or a doctype before {@code <svg}. */
    private static boolean looksLikeXml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<?xml")
                || head.startsWith("<svg")
                || head.startsWith("<!doctype svg")
                || (head.startsWith("<!--") && head.contains("<svg"));
    }

    /** A hint for the message only: names a few types merchants actually send by mistake. */
    private static String guess(byte[] bytes) {
        if (bytes.length >= 12 && startsWith(bytes, 4, 'f', 't', 'y', 'p')) {
            String brand = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
            return brand.startsWith("hei") || brand.startsWith("mif")
                    ? "a HEIC photo from a phone"
                    : brand.startsWith("avi") ? "an AVIF image" : "a video";
        }
        if (startsWith(bytes, 0, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(bytes, 0, 'P', 'K', 3, 4)) {
            return "a ZIP archive or Office document";
        }
        if (startsWith(bytes, 0, 'B', 'M')) {
            return "a BMP bitmap";
        }
        if (startsWith(bytes, 0, '8', 'B', 'P', 'S')) {
            return "a Photoshop file";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
