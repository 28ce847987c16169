package io.venuekit.assets.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A WebP whose extended header (VP8X) declares a small canvas while its bitstream declares 16383 ×
 * 16383 pixels: the limits must hold for the size the decoder will allocate, not only the one the
 * header reader reports.
 */
class WebpSizeBombTest {

    @Test
    void aBitstreamLargerThanTheCanvasIsRefusedBeforeDecoding() {
        byte[] webp = TestImages.webp(TestImages.quadrants(64, 48));
        byte[] bomb = withCanvas(withBitstreamSize(webp, 16383, 16383), 64, 48);
        // before the check, the decoder spent a minute and a gigabyte on the 268 MP frame, then called the file cut off
        AssetRejectedException e = assertThrows(
                AssetRejectedException.class, () -> new ImageDecoder().decode(bomb, ImageLimits.DEFAULT, 0));
        assertEquals(413, e.httpStatus(), e.getMessage());
        assertTrue(e.getMessage().startsWith("16,383 × 16,383 pixels is over the 50 MP limit"), e.getMessage());
    }

    /** The lossy (VP8) chunk's frame size set to {@code w} × {@code h}. */
    private static byte[] withBitstreamSize(byte[] webp, int w, int h) {
        byte[] b = webp.clone();
        int at = 12;
        while (at + 8 <= b.length) {
            String type = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            int size =
                    ByteBuffer.wrap(b, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (type.equals("VP8 ")) {
                int frame = at + 8 + 6; // frame tag (3), start code (3)
                ByteBuffer.wrap(b, frame, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) w)
                        .putShort((short) h);
                return b;
            }
            at += 8 + size + (size & 1);
        }
        throw new AssertionError("no VP8 chunk");
    }

    /** An extended-format header (VP8X) declaring a {@code w} × {@code h} canvas, inserted before the first chunk. */
    private static byte[] withCanvas(byte[] webp, int w, int h) {
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put("VP8X".getBytes(StandardCharsets.ISO_8859_1)).putInt(10).putInt(0);
        vp8x.put((byte) (w - 1)).put((byte) ((w - 1) >> 8)).put((byte) ((w - 1) >> 16));
        vp8x.put((byte) (h - 1)).put((byte) ((h - 1) >> 8)).put((byte) ((h - 1) >> 16));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(webp, 0, 12);
        out.writeBytes(vp8x.array());
        out.write(webp, 12, webp.length - 12);
        byte[] b = out.toByteArray();
        ByteBuffer.wrap(b, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 8);
        return b;
    }
}
