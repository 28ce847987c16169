package io.venuekit.assets.detect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A frontal face drawn with Java2D (hair, skin, eyes, brows, nose, mouth), which both
 * BlazeFace models find: no face photo may ship with the tests, and a drawing's box is known
 * exactly. The face's skin oval is {@code 0.84 s} wide and {@code 1.1 s} tall around its centre.
 */
public final class DrawnFace {

    private DrawnFace() {}

    /** A sky-to-ground gradient with a face of size {@code s} centred at each (x, y) given. */
    public static BufferedImage scene(int width, int height, double s, double... centres) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(120, 160, 190), 0, height, new Color(230, 230, 220)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i + 1 < centres.length; i += 2) draw(g, centres[i], centres[i + 1], s);
        g.dispose();
        return image;
    }

    /** The box a detector should report for a face drawn at (cx, cy) with size s: its skin oval. */
    public static Box box(double cx, double cy, double s) {
        return Box.of(cx - 0.42 * s, cy - 0.55 * s, 0.84 * s, 1.1 * s);
    }

    static void draw(Graphics2D g, double cx, double cy, double s) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(50, 35, 25));
        g.fill(new Ellipse2D.Double(cx - 0.56 * s, cy - 0.72 * s, 1.12 * s, 1.1 * s));
        g.setColor(new Color(214, 170, 140));
        g.fill(new Rectangle2D.Double(cx - 0.2 * s, cy + 0.4 * s, 0.4 * s, 0.5 * s));
        g.setPaint(new RadialGradientPaint(
                new Point2D.Double(cx, cy - 0.05 * s), (float) (0.6 * s), new float[] {0f, 1f}, new Color[] {
                    new Color(236, 196, 166), new Color(200, 150, 120)
                }));
        g.fill(new Ellipse2D.Double(cx - 0.42 * s, cy - 0.55 * s, 0.84 * s, 1.1 * s));
        g.setColor(new Color(215, 168, 138));
        g.fill(new Ellipse2D.Double(cx - 0.5 * s, cy - 0.12 * s, 0.14 * s, 0.26 * s));
        g.fill(new Ellipse2D.Double(cx + 0.36 * s, cy - 0.12 * s, 0.14 * s, 0.26 * s));
        g.setColor(new Color(60, 40, 30));
        g.setStroke(new BasicStroke((float) (0.04 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(cx - 0.3 * s, cy - 0.27 * s, 0.22 * s, 0.12 * s, 20, 140, Arc2D.OPEN));
        g.draw(new Arc2D.Double(cx + 0.08 * s, cy - 0.27 * s, 0.22 * s, 0.12 * s, 20, 140, Arc2D.OPEN));
        for (double ex : new double[] {cx - 0.19 * s, cx + 0.19 * s}) {
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(ex - 0.09 * s, cy - 0.16 * s, 0.18 * s, 0.09 * s));
            g.setColor(new Color(70, 45, 30));
            g.fill(new Ellipse2D.Double(ex - 0.045 * s, cy - 0.16 * s, 0.09 * s, 0.09 * s));
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(ex - 0.02 * s, cy - 0.135 * s, 0.04 * s, 0.04 * s));
        }
        g.setColor(new Color(190, 140, 110));
        g.setStroke(new BasicStroke((float) (0.025 * s)));
        g.draw(new QuadCurve2D.Double(cx, cy - 0.08 * s, cx - 0.07 * s, cy + 0.1 * s, cx + 0.03 * s, cy + 0.12 * s));
        g.setColor(new Color(170, 70, 70));
        g.fill(new Arc2D.Double(cx - 0.14 * s, cy + 0.16 * s, 0.28 * s, 0.14 * s, 180, 180, Arc2D.CHORD));
    }
}
