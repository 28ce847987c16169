package io.venuekit.assets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.variant.JpegEncoder;
import io.venuekit.assets.variant.WebpEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Builds test images in code (Thumbnailator's BufferedImageBuilder idea) and checks their pixels. */
public final class TestImages {

    public static final Color RED = new Color(0xD0, 0x20, 0x20);
    public static final Color GREEN = new Color(0x20, 0xB0, 0x40);
    public static final Color BLUE = new Color(0x20, 0x40, 0xC0);
    public static final Color YELLOW = new Color(0xF0, 0xD0, 0x20);

    private TestImages() {}

    /** Red top-left, green top-right, blue bottom-left, yellow bottom-right: shows any turn or flip. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int hw = width / 2;
        int hh = height / 2;
        g.setColor(RED);
        g.fillRect(0, 0, hw, hh);
        g.setColor(GREEN);
        g.fillRect(hw, 0, width - hw, hh);
        g.setColor(BLUE);
        g.fillRect(0, hh, hw, height - hh);
        g.setColor(YELLOW);
        g.fillRect(hw, hh, width - hw, height - hh);
        g.dispose();
        return image;
    }

    public static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** One filled rectangle ({@code x, y, w, h}) in {@code fill} on a {@code background} image: a subject whose box is known. */
    public static BufferedImage rectangleOn(
            int width, int height, Color background, Color fill, int x, int y, int w, int h) {
        BufferedImage image = solid(width, height, background);
        Graphics2D g = image.createGraphics();
        g.setColor(fill);
        g.fillRect(x, y, w, h);
        g.dispose();
        return image;
    }

    /** Written by the JDK's own ImageIO writers ("png", "gif", "tiff", "jpeg" baseline). */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(image, 0, 0, null);
        }
        return encode(rgb, "jpeg");
    }

    public static byte[] progressiveJpeg(BufferedImage image) {
        return new JpegEncoder(0.95f).encode(image);
    }

    public static byte[] webp(BufferedImage image) {
        return new WebpEncoder(0.95f, 4).encode(image);
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource images/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF APP1 segment holding only the orientation tag, right after SOI. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        app1.writeBytes(tiffWithOrientation(orientation));
        byte[] payload = app1.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The PNG with an eXIf chunk holding only the orientation tag, right after IHDR. */
    public static byte[] withPngExifOrientation(byte[] png, int orientation) {
        byte[] exif = tiffWithOrientation(orientation);
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        chunk(out, "eXIf", exif);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /** A big-endian TIFF structure whose IFD0 has one entry: the orientation. */
    private static byte[] tiffWithOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    /** A valid PNG header claiming {@code width} × {@code height}, with a few bytes of pixel data. */
    public static byte[] pngHeaderBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * 16]); // one filtered row of 16 black pixels: far too little
        deflater.finish();
        byte[] idat = new byte[64];
        int n = deflater.deflate(idat);
        chunk(out, "IDAT", Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static void assertColour(BufferedImage image, int x, int y, Color expected, int tolerance) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        assertTrue(
                Math.abs(r - expected.getRed()) <= tolerance
                        && Math.abs(g - expected.getGreen()) <= tolerance
                        && Math.abs(b - expected.getBlue()) <= tolerance,
                String.format(
                        "pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x within %d",
                        x, y, r, g, b, expected.getRed(), expected.getGreen(), expected.getBlue(), tolerance));
    }

    /** Asserts the four quadrant colours at the quadrant centres. */
    public static void assertQuadrants(BufferedImage image, int tolerance) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertColour(image, w / 4, h / 4, RED, tolerance);
        assertColour(image, 3 * w / 4, h / 4, GREEN, tolerance);
        assertColour(image, w / 4, 3 * h / 4, BLUE, tolerance);
        assertColour(image, 3 * w / 4, 3 * h / 4, YELLOW, tolerance);
    }
}
