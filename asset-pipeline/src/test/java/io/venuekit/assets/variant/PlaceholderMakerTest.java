package io.venuekit.assets.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.TestImages;
import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageLimits;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlaceholderMakerTest {

    @Test
    void colourIsTheAverage() {
        BufferedImage half = TestImages.solid(100, 50, java.awt.Color.BLACK);
        half.createGraphics().drawImage(TestImages.solid(50, 50, java.awt.Color.WHITE), 0, 0, null);
        Placeholder p = new PlaceholderMaker().make(half, Aspect.parse("2:1"));
        assertEquals("#7f7f7f", p.colour());
    }

    @Test
    void previewIsASixteenPixelJpegDataUriOfTheShape() {
        Placeholder p = new PlaceholderMaker().make(TestImages.quadrants(480, 270), Aspect.parse("16:9"));
        String prefix = "data:image/jpeg;base64,";
        assertTrue(p.preview().startsWith(prefix), p.preview());
        byte[] jpeg = Base64.getDecoder().decode(p.preview().substring(prefix.length()));
        assertTrue(jpeg.length < 1200, "preview is " + jpeg.length + " bytes");
        BufferedImage preview =
                new ImageDecoder().decode(jpeg, ImageLimits.DEFAULT, 0).image();
        assertEquals(16, preview.getWidth());
        assertEquals(9, preview.getHeight());
    }
}
