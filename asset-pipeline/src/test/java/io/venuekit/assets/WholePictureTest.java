package io.venuekit.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.variant.VariantFormat;
import io.venuekit.assets.variant.VariantRef;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The whole picture's files (shape "original"): upright, about 1200 px on the long side, JPEG and WebP, made once. */
class WholePictureTest {

    private final AssetProcessor processor = new AssetProcessor(image -> Detections.NONE);

    @Test
    void aLargePhotoGetsTheWholePictureAt1200PxInBothFormats() throws IOException {
        ProcessedAsset asset =
                processor.process(TestImages.jpeg(TestImages.quadrants(2048, 1536)), null, ProgressListener.NONE);
        List<VariantRef> original = asset.manifest().original();
        assertEquals(
                Set.of(VariantFormat.JPEG, VariantFormat.WEBP),
                original.stream().map(VariantRef::format).collect(Collectors.toSet()));
        for (VariantRef v : original) {
            assertEquals(List.of(1200, 900), List.of(v.width(), v.height()), v.toString());
            assertTrue(asset.variant(v.name()).isPresent(), "its bytes are among the files to store: " + v);
        }
        BufferedImage jpeg = decode(asset, original, VariantFormat.JPEG);
        assertEquals(List.of(1200, 900), List.of(jpeg.getWidth(), jpeg.getHeight()));
        assertNear(TestImages.RED, jpeg.getRGB(50, 50));
        assertNear(TestImages.YELLOW, jpeg.getRGB(1150, 850));
    }

    @Test
    void theWholePictureIsTurnedUprightByExif() throws IOException {
        BufferedImage upright = TestImages.quadrants(1500, 2000);
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(storedForOrientation6(upright)), 6);
        ProcessedAsset asset = processor.process(jpeg, null, ProgressListener.NONE);
        VariantRef v = asset.manifest().original().get(0);
        assertEquals(List.of(900, 1200), List.of(v.width(), v.height()), "upright: taller than wide, as seen");
        BufferedImage whole = decode(asset, asset.manifest().original(), VariantFormat.JPEG);
        assertNear(TestImages.RED, whole.getRGB(40, 40));
        assertNear(TestImages.GREEN, whole.getRGB(860, 40));
        assertNear(TestImages.BLUE, whole.getRGB(40, 1160));
    }

    @Test
    void aSmallPictureIsNotEnlarged() {
        ProcessedAsset asset =
                processor.process(TestImages.jpeg(TestImages.quadrants(640, 480)), null, ProgressListener.NONE);
        for (VariantRef v : asset.manifest().original()) {
            assertEquals(List.of(640, 480), List.of(v.width(), v.height()), v.toString());
        }
    }

    @Test
    void aNewFocusKeepsTheWholePictureFilesInsteadOfMakingThemAgain() {
        byte[] photo = TestImages.jpeg(TestImages.quadrants(2048, 1536));
        ProcessedAsset first = processor.process(photo, null, ProgressListener.NONE);
        ProcessedAsset replanned =
                processor.replan(photo, first.manifest(), Focus.point(0.9, 0.9), ProgressListener.NONE);
        assertEquals(first.manifest().original(), replanned.manifest().original());
        assertTrue(
                replanned.variants().stream().noneMatch(v -> v.shape().equals(AssetManifest.ORIGINAL)),
                "nothing of the whole picture rendered again: "
                        + replanned.variants().stream().map(v -> v.shape()).toList());
    }

    @Test
    void aManifestFromBeforeGetsTheWholePictureAtItsNextReplan() {
        byte[] photo = TestImages.jpeg(TestImages.quadrants(2048, 1536));
        AssetManifest m = processor.process(photo, null, ProgressListener.NONE).manifest();
        AssetManifest before = new AssetManifest(
                m.contentHash(),
                m.source(),
                m.detections(),
                m.focus(),
                m.crops(),
                m.variants().stream()
                        .filter(v -> !v.shape().equals(AssetManifest.ORIGINAL))
                        .toList(),
                m.placeholders(),
                m.notes());
        ProcessedAsset replanned = processor.replan(photo, before, Focus.point(0.1, 0.1), ProgressListener.NONE);
        assertEquals(
                2,
                replanned.manifest().original().size(),
                replanned.manifest().variants().toString());
    }

    /** What a camera held sideways stores: orientation 6 turns it 90° clockwise to {@code upright}. */
    private static BufferedImage storedForOrientation6(BufferedImage upright) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int sy = 0; sy < w; sy++) {
            for (int sx = 0; sx < h; sx++) {
                stored.setRGB(sx, sy, upright.getRGB(w - 1 - sy, sx));
            }
        }
        return stored;
    }

    private static BufferedImage decode(ProcessedAsset asset, List<VariantRef> refs, VariantFormat format)
            throws IOException {
        VariantRef ref =
                refs.stream().filter(v -> v.format() == format).findFirst().orElseThrow();
        return ImageIO.read(
                new ByteArrayInputStream(asset.variant(ref.name()).orElseThrow().data()));
    }

    private static void assertNear(Color expected, int rgb) {
        Color got = new Color(rgb);
        int d = Math.abs(expected.getRed() - got.getRed())
                + Math.abs(expected.getGreen() - got.getGreen())
                + Math.abs(expected.getBlue() - got.getBlue());
        assertTrue(d < 40, "expected about " + expected + ", got " + got);
    }
}
