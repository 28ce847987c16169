package io.venuekit.assets.variant;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Progressive JPEG: on slow phone networks the whole slot fills in coarse first instead of
 * top to bottom, and progressive files are usually a few percent smaller at the same quality.
 */
public final class JpegEncoder implements ImageEncoder {

    private final float quality;

    /** @param quality 0..1; 0.82 is where artefacts stop being visible on product photos at phone DPR */
    public JpegEncoder(float quality) {
        if (quality <= 0 || quality > 1) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + quality);
        }
        this.quality = quality;
    }

    public JpegEncoder() {
        this(0.82f);
    }

    @Override
    public byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 6 + 1024);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed in memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
