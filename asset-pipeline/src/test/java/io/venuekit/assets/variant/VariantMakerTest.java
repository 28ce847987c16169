package io.venuekit.assets.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.ContentHash;
import io.venuekit.assets.TestImages;
import io.venuekit.assets.decode.HeaderReader;
import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageFormat;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.decode.ImageLimits;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VariantMakerTest {

    private final VariantMaker maker = VariantMaker.standard();

    @ParameterizedTest
    @ValueSource(strings = {"1:1", "3:4", "4:3", "16:9", "2:1", "9:16"})
    void everyWidthHasTheShapesProportions(String shape) {
        Aspect aspect = Aspect.parse(shape);
        BufferedImage source = TestImages.quadrants(2400, 2400);
        int w = (int) Math.min(2400, Math.round(2400 * aspect.ratio()));
        int h = (int) Math.min(2400, Math.round(w / aspect.ratio()));
        List<BufferedImage> sizes = maker.sizes(source, new Rectangle(0, 0, w, h), aspect);

        assertEquals(
                List.of(1080, 720, 480, 240),
                sizes.stream().map(BufferedImage::getWidth).toList());
        for (BufferedImage sized : sizes) {
            assertEquals(aspect.heightFor(sized.getWidth()), sized.getHeight(), shape + " at " + sized.getWidth());
        }
    }

    @Test
    void neverUpscales() {
        BufferedImage source = TestImages.quadrants(600, 600);
        List<BufferedImage> sizes = maker.sizes(source, new Rectangle(0, 0, 500, 500), Aspect.parse("1:1"));
        assertEquals(
                List.of(480, 240), sizes.stream().map(BufferedImage::getWidth).toList());
    }

    @Test
    void aCropNarrowerThanEveryWidthGetsOneVariantAtItsOwnSize() {
        BufferedImage source = TestImages.quadrants(300, 300);
        List<BufferedImage> sizes = maker.sizes(source, new Rectangle(10, 10, 200, 150), Aspect.parse("4:3"));
        assertEquals(1, sizes.size());
        assertEquals(200, sizes.get(0).getWidth());
        assertEquals(150, sizes.get(0).getHeight());
    }

    @Test
    void resizerRefusesToUpscale() {
        BufferedImage source = TestImages.quadrants(100, 100);
        assertThrows(IllegalArgumentException.class, () -> new Resizer().resize(source, 200, 200));
    }

    @Test
    void resizesTheCropRegionNotTheWholeImage() {
        BufferedImage source = TestImages.quadrants(800, 800);
        // the bottom-right quadrant only: all yellow
        BufferedImage sized = maker.sizes(source, new Rectangle(400, 400, 400, 400), Aspect.parse("1:1"))
                .get(0);
        TestImages.assertColour(sized, 0, 0, TestImages.YELLOW, 2);
        TestImages.assertColour(sized, sized.getWidth() - 1, sized.getHeight() - 1, TestImages.YELLOW, 2);
    }

    @Test
    void webpOutputDecodesBack() {
        BufferedImage image = TestImages.quadrants(480, 270);
        Variant v = maker.encode("16:9", image, VariantFormat.WEBP);

        assertEquals(
                ImageFormat.WEBP,
                HeaderReader.read(v.data(), ImageLimits.DEFAULT).format());
        BufferedImage back =
                new ImageDecoder().decode(v.data(), ImageLimits.DEFAULT, 0).image();
        assertEquals(480, back.getWidth());
        assertEquals(270, back.getHeight());
        TestImages.assertQuadrants(back, 16);
        assertTrue(v.name().endsWith(".webp"), v.name());
    }

    @Test
    void jpegOutputIsProgressiveAndDecodesBack() {
        Variant v = maker.encode("16:9", TestImages.quadrants(480, 270), VariantFormat.JPEG);
        ImageHeader header = HeaderReader.read(v.data(), ImageLimits.DEFAULT);
        assertEquals(ImageFormat.JPEG, header.format());
        assertTrue(header.progressive());
        TestImages.assertQuadrants(
                new ImageDecoder().decode(v.data(), ImageLimits.DEFAULT, 0).image(), 16);
    }

    @Test
    void namesAreContentAddressed() {
        BufferedImage image = TestImages.quadrants(240, 240);
        Variant a = maker.encode("1:1", image, VariantFormat.JPEG);
        Variant b = maker.encode("1:1", image, VariantFormat.JPEG);
        Variant other = maker.encode("1:1", TestImages.solid(240, 240, TestImages.BLUE), VariantFormat.JPEG);
        assertEquals(ContentHash.sha256(a.data()).substring(0, 16) + ".jpg", a.name());
        assertEquals(a.name(), b.name());
        assertNotEquals(a.name(), other.name());
        assertEquals(a.data().length, a.ref().bytes());
    }

    @Test
    void encodesOnlyConfiguredFormats() {
        VariantMaker jpegOnly = new VariantMaker(VariantWidths.DEFAULT, Map.of(VariantFormat.JPEG, new JpegEncoder()));
        assertThrows(
                IllegalArgumentException.class,
                () -> jpegOnly.encode("1:1", TestImages.solid(10, 10, TestImages.RED), VariantFormat.WEBP));
    }

    @Test
    void widthsAreSortedAndDeduplicated() {
        VariantWidths widths = new VariantWidths(List.of(720, 240, 720, 1080));
        assertEquals(List.of(240, 720, 1080), widths.widths());
        assertEquals(List.of(720, 240), widths.forCrop(1000));
        assertEquals(1080, widths.largest());
    }

    @Test
    void webpIsAvailableHereSoTheStandardMakerEncodesBothFormats() {
        // On a machine without libwebp the standard maker drops WebP and says so; this one has it.
        assertEquals(null, WebpEncoder.unavailableReason());
        assertEquals(java.util.Set.of(VariantFormat.JPEG, VariantFormat.WEBP), maker.formats());
        assertTrue(maker.unavailable().isEmpty());
    }
}
