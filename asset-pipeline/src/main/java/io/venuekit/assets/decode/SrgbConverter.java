package io.venuekit.assets.decode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/**
 * Brings a decoded image to opaque sRGB {@code TYPE_INT_RGB}, the one type every later step takes.
 * Transparency is laid over white: both output formats are served as opaque JPEG/WebP photos on
 * white venue pages, and a black background (what dropping alpha gives) looks broken.
 * Returns a new image unless the input already is what we need.
 */
final class SrgbConverter {

    private SrgbConverter() {}

    static BufferedImage toIntRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB
                && isSrgb(src.getColorModel().getColorSpace())) {
            return src;
        }
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        ColorSpace space = src.getColorModel().getColorSpace();
        if (needsColourManagement(space)) {
            // CMYK, YCCK and RGB with an embedded profile: Java2D's blit would reinterpret the
            // numbers, not convert the colours. ColorConvertOp runs the ICC transform (LCMS).
            new ColorConvertOp(space, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(src, dst);
            return dst;
        }
        Graphics2D g = dst.createGraphics();
        try {
            if (src.getColorModel().hasAlpha()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, dst.getWidth(), dst.getHeight());
            }
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    private static boolean isSrgb(ColorSpace space) {
        return space.isCS_sRGB();
    }

    /** Grey and plain sRGB go through Java2D's loops, which copy grey values as sRGB (what viewers do). */
    private static boolean needsColourManagement(ColorSpace space) {
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            return false;
        }
        if (space instanceof ICC_ColorSpace icc && space.getType() == ColorSpace.TYPE_RGB) {
            // An embedded profile that is sRGB by another name is left alone: same colours, no cost.
            ICC_Profile profile = icc.getProfile();
            return profile.getProfileClass() != ICC_Profile.CLASS_DISPLAY || !describesSrgb(profile);
        }
        return true;
    }

    private static boolean describesSrgb(ICC_Profile profile) {
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc == null) {
            return false;
        }
        String text = new String(desc, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("sRGB") || text.contains("s\0R\0G\0B");
    }
}
