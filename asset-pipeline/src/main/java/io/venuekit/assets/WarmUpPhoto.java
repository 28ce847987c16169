package io.venuekit.assets;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A made-up photo for {@link AssetProcessor#warmUp()}: large enough to take the subsampled decode
 * and produce every variant width, busy enough that every detector has something to look at.
 */
final class WarmUpPhoto {

    static final int WIDTH = 4000;
    static final int HEIGHT = 3000;

    private WarmUpPhoto() {}

    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(110, 160, 210), 0, HEIGHT, new Color(235, 225, 205)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(200, 40, 50));
        g.fillOval(1300, 600, 700, 700);
        g.setColor(new Color(30, 30, 30));
        g.setFont(g.getFont().deriveFont(120f));
        g.drawString("DOUBLE 11", 200, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
