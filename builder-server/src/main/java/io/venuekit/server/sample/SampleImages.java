package io.venuekit.server.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the sample venue's pictures, so the repository ships no photos: campaign banners with
 * a slogan, product shots with a subject off centre, a shop logo. Each has something for the
 * cropper to keep (a subject, a line of text).
 */
final class SampleImages {

    private SampleImages() {}

    /** Sample name (as in {@code sample:<name>}) to JPEG bytes. */
    static Map<String, byte[]> generate() {
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put(
                "hero",
                banner(1600, 800, new Color(0xE4393C), new Color(0xFF8A00), "DOUBLE 11", "Up to 50% off", 0.68));
        images.put(
                "banner-1",
                banner(1200, 600, new Color(0x6A11CB), new Color(0x2575FC), "Phones", "Flagships from 1999", 0.25));
        images.put(
                "banner-2",
                banner(1200, 600, new Color(0x11998E), new Color(0x38EF7D), "Home", "Buy 2 get 1 free", 0.7));
        images.put("banner-3", banner(1200, 600, new Color(0xFC466B), new Color(0x3F5EFB), "Beauty", "Gift sets", 0.4));
        images.put("product-1", product(1000, 1000, new Color(0xF5F5F5), new Color(0xE4393C), 0.62, 0.55));
        images.put("product-2", product(1200, 900, new Color(0xEFF7FF), new Color(0x2575FC), 0.35, 0.5));
        images.put("product-3", product(900, 1200, new Color(0xFFF6E5), new Color(0xFF8A00), 0.5, 0.4));
        images.put("product-4", product(1000, 1000, new Color(0xF0FFF4), new Color(0x11998E), 0.3, 0.65));
        images.put("shop-logo", logo(600, 600));
        images.put(
                "live-cover", banner(900, 1600, new Color(0x232526), new Color(0x414345), "LIVE", "8 pm tonight", 0.5));
        images.put("showcase-poster", product(1600, 900, new Color(0x0F2027), new Color(0x2C5364), 0.6, 0.5));
        images.put(
                "video-poster",
                banner(1600, 900, new Color(0x000000), new Color(0x434343), "Watch", "The story of 11.11", 0.3));
        return images;
    }

    private static BufferedImage canvas(int w, int h, Color from, Color to) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, from, w, h, to));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private static byte[] banner(int w, int h, Color from, Color to, String slogan, String line, double textX) {
        BufferedImage image = canvas(w, h, from, to);
        Graphics2D g = graphics(image);
        int size = Math.min(w, h) / 5;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        int width = g.getFontMetrics().stringWidth(slogan);
        // centred on textX, but never closer than 5% to an edge: fonts differ between machines
        int x = (int) Math.min(w * textX - width / 2.0, w * 0.95 - width);
        g.setColor(Color.WHITE);
        g.drawString(slogan, Math.max(10, x), h / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size / 2));
        g.drawString(line, Math.max(10, x), h / 2 + size);
        g.setColor(new Color(255, 255, 255, 60));
        g.fill(new Ellipse2D.Double(w * (1 - textX) - h * 0.3, h * 0.2, h * 0.6, h * 0.6));
        g.dispose();
        return jpeg(image);
    }

    private static byte[] product(int w, int h, Color background, Color subject, double cx, double cy) {
        BufferedImage image = canvas(w, h, background, background.darker());
        Graphics2D g = graphics(image);
        double pw = Math.min(w, h) * 0.38;
        double ph = pw * 1.4;
        double x = w * cx - pw / 2;
        double y = h * cy - ph / 2;
        g.setColor(new Color(0, 0, 0, 40));
        g.fill(new Ellipse2D.Double(x, y + ph * 0.92, pw, ph * 0.16));
        g.setPaint(new GradientPaint(
                (float) x, (float) y, subject.brighter(), (float) (x + pw), (float) (y + ph), subject.darker()));
        g.fill(new RoundRectangle2D.Double(x, y, pw, ph, pw * 0.3, pw * 0.3));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (pw * 0.04)));
        g.draw(new Ellipse2D.Double(x + pw * 0.25, y + ph * 0.3, pw * 0.5, pw * 0.5));
        g.dispose();
        return jpeg(image);
    }

    private static byte[] logo(int w, int h) {
        BufferedImage image = canvas(w, h, Color.WHITE, new Color(0xF2F2F2));
        Graphics2D g = graphics(image);
        g.setColor(new Color(0xE4393C));
        g.fill(new Ellipse2D.Double(w * 0.15, h * 0.15, w * 0.7, h * 0.7));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, h / 4));
        String mark = "VK";
        g.drawString(mark, (w - g.getFontMetrics().stringWidth(mark)) / 2, h / 2 + h / 12);
        g.dispose();
        return jpeg(image);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static byte[] jpeg(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
