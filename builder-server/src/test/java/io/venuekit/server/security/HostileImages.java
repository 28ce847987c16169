package io.venuekit.server.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Uploads meant to hurt: bombs, lies about size, truncations, other formats. Built in code, by name. */
final class HostileImages {

    private HostileImages() {}

    static Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        byte[] jpeg = jpeg(64, 48);
        all.put("empty.jpg", new byte[0]);
        all.put("one-byte.jpg", new byte[] {(byte) 0xFF});
        all.put("truncated-half.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
        all.put("truncated-header.jpg", Arrays.copyOf(jpeg, 20));
        all.put("random.jpg", random(4096));
        all.put("png-claims-50000x40000.png", pngClaiming(50_000, 40_000, new byte[0]));
        all.put("png-claims-1x2000000000.png", pngClaiming(1, 2_000_000_000, new byte[0]));
        all.put("png-ztxt-bomb.png", pngClaiming(16, 16, textBomb("zTXt", 300_000_000)));
        all.put("png-itxt-bomb.png", pngClaiming(16, 16, textBomb("iTXt", 300_000_000)));
        all.put("png-iccp-bomb.png", pngClaiming(16, 16, textBomb("iCCP", 300_000_000)));
        all.put("gif-claims-65535x65535.gif", gifClaiming(65_535, 65_535));
        all.put(
                "image.svg",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                                + "<script>alert(1)</script></svg>")
                        .getBytes(StandardCharsets.UTF_8));
        all.put("html.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        all.put("zero-size.png", pngClaiming(0, 0, new byte[0]));
        all.put("tiff-header-only.tif", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        all.put("riff-not-webp.webp", "RIFF\u0004\u0000\u0000\u0000WAVE".getBytes(StandardCharsets.ISO_8859_1));
        return all;
    }

    static byte[] jpeg(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(11).nextBytes(bytes);
        return bytes;
    }

    /** A small compressed chunk body whose payload inflates to {@code inflated} zero bytes. */
    private static byte[] textBomb(String type, int inflated) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int written = 0; written < inflated; written += zeros.length) {
            deflater.setInput(zeros);
            int n;
            while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH)) > 0) {
                compressed.write(buffer, 0, n);
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            compressed.write(buffer, 0, n);
        }
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        byte[] keyword = "Comment".getBytes(StandardCharsets.ISO_8859_1);
        chunk.writeBytes(keyword);
        chunk.write(0);
        if (type.equals("iTXt")) {
            chunk.write(1); // compressed
            chunk.write(0); // method
            chunk.write(0); // language
            chunk.write(0); // translated keyword
        } else {
            chunk.write(0); // method
        }
        chunk.writeBytes(compressed.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunk(out, type, chunk.toByteArray());
        return out.toByteArray();
    }

    private static byte[] pngClaiming(int width, int height, byte[] extraChunks) {
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
        out.writeBytes(extraChunks);
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] gifClaiming(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) width)
                .putShort((short) height)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0x2C)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) width)
                .putShort((short) height)
                .put((byte) 0)
                .put((byte) 2)
                .put((byte) 2)
                .put((byte) 0x4C)
                .put((byte) 0x01)
                .put((byte) 0)
                .put((byte) 0x3B);
        return Arrays.copyOf(gif.array(), gif.position());
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
}
