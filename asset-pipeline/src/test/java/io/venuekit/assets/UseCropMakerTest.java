package io.venuekit.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.variant.Variant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class UseCropMakerTest {

    private final PipelineSettings settings = PipelineSettings.defaults();
    private final UseCropMaker maker = new UseCropMaker(new CropPlanner(), settings, Runnable::run);

    @Test
    void cropsOneShapeForTheUsesFocusFromTheOriginalAndTheStoredDetections() throws Exception {
        // grey, with a red square low on the right where the use points; the stored subject is top left
        BufferedImage photo =
                TestImages.rectangleOn(2000, 1500, java.awt.Color.GRAY, TestImages.RED, 1500, 1150, 160, 160);
        byte[] original = TestImages.jpeg(photo);
        Detections stored = new Detections(List.of(), List.of(), Box.of(100, 100, 300, 300), List.of());
        AssetManifest manifest = new AssetProcessor(image -> stored)
                .process(original, null, ProgressListener.NONE)
                .manifest();

        UseCropMaker.UseCrop use = maker.make(original, manifest, Focus.point(0.79, 0.82), "9:16");

        Crop crop = use.crop();
        assertEquals("9:16", crop.aspect());
        assertTrue(
                crop.x() <= 1580
                        && crop.x() + crop.width() >= 1580
                        && crop.y() <= 1230
                        && crop.y() + crop.height() >= 1230,
                "keeps the use's focus: " + crop);
        assertTrue(crop.reasons().contains("follows operator focus"), crop.toString());
        assertNotNull(use.placeholder());
        assertTrue(!use.variants().isEmpty());
        for (Variant v : use.variants()) {
            assertEquals("9:16", v.shape(), "this shape only");
        }
        assertEquals(
                settings.variants().widths().forCrop(crop.width()).size()
                        * settings.variants().formats().size(),
                use.variants().size(),
                "every width and format of the shape");
        Variant jpeg = use.variants().stream()
                .filter(v -> v.name().endsWith(".jpg"))
                .findFirst()
                .orElseThrow();
        BufferedImage file = ImageIO.read(new ByteArrayInputStream(jpeg.data()));
        double f = file.getWidth() / (double) crop.width();
        TestImages.assertColour(file, (int) ((1580 - crop.x()) * f), (int) ((1230 - crop.y()) * f), TestImages.RED, 40);
    }
}
