package io.venuekit.server.asset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images the asset tests send, made here rather than shipped. */
final class TestImages {

    private TestImages() {}

    /** A 640 × 480 scene: sky, ground and a subject off to the right; {@code seed} varies colours so the bytes differ. */
    static BufferedImage scene(int seed) {
        return scene(seed, 430);
    }

    /** The same scene with the subject's left edge at {@code subjectX} (it is 150 wide). */
    static BufferedImage scene(int seed, int subjectX) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(110 + random.nextInt(40), 160, 220));
        g.fillRect(0, 0, 640, 300);
        g.setColor(new Color(80, 130 + random.nextInt(40), 70));
        g.fillRect(0, 300, 640, 180);
        g.setColor(new Color(220, 60 + random.nextInt(60), 40));
        g.fillOval(subjectX, 170, 150, 220);
        g.dispose();
        return image;
    }

    static byte[] jpeg(int seed) {
        return encode(scene(seed), "jpeg");
    }

    /** A JPEG whose subject stands in the middle: a focus off to one side moves the narrow crops. */
    static byte[] centredJpeg(int seed) {
        return encode(scene(seed, 245), "jpeg");
    }

    static byte[] png(int seed) {
        return encode(scene(seed), "png");
    }

    /** The first {@code fraction} of a JPEG: a cut-off upload. */
    static byte[] truncatedJpeg(double fraction) {
        byte[] full = jpeg(99);
        return Arrays.copyOf(full, (int) (full.length * fraction));
    }

    /** A valid PNG signature and IHDR claiming {@code width × height}, a tiny IDAT and IEND: a decompression bomb's header. */
    static byte[] pngHeaderClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static byte[] svg() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                        + "<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"red\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
