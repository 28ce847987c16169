package io.venuekit.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Synthetic photo-like JPEGs for the asset benchmarks: smooth gradients, soft blobs, a headline and
 * sensor-like noise, so they compress and decode like photos (a flat test card would flatter every
 * codec). Generated, never committed. Usage: {@code AssetPhotos <dir> <count> <width> <height>}.
 */
public final class AssetPhotos {

    private AssetPhotos() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format("photo-%03d.jpg", i));
            try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
                write(photo(width, height, i), out);
            }
        }
        System.out.println("wrote " + count + " photos of " + width + "x" + height + " to " + dir);
    }

    public static byte[] jpeg(int width, int height, long seed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            write(photo(width, height, seed), out);
        }
        return bytes.toByteArray();
    }

    private static void write(BufferedImage image, javax.imageio.stream.ImageOutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, null), param);
        writer.dispose();
    }

    public static BufferedImage photo(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        float r0 = random.nextFloat() * 200, g0 = random.nextFloat() * 200, b0 = random.nextFloat() * 200;
        for (int y = 0; y < height; y++) {
            float fy = y / (float) height;
            for (int x = 0; x < width; x++) {
                float fx = x / (float) width;
                double wave = 20 * Math.sin(fx * 9 + fy * 4 + seed);
                int n = random.nextInt(17) - 8;
                int r = clamp(r0 + 55 * fx + wave + n);
                int g = clamp(g0 + 55 * fy - wave + n);
                int b = clamp(b0 + 40 * (1 - fx) + n);
                px[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 170));
            int d = width / 8 + random.nextInt(width / 4);
            g.fillOval(random.nextInt(width), random.nextInt(height), d, d);
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 12)));
        g.drawString("DOUBLE 11 SALE", width / 10, height / 5);
        g.dispose();
        return image;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
