package io.venuekit.assets.decode;

import static io.venuekit.assets.TestImages.BLUE;
import static io.venuekit.assets.TestImages.GREEN;
import static io.venuekit.assets.TestImages.RED;
import static io.venuekit.assets.TestImages.YELLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.venuekit.assets.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test for every format, after TwelveMonkeys' ImageReaderAbstractTest: a format only lists its
 * samples (how to make the bytes, the size, and colours that must come out where).
 */
class ImageDecoderTest {

    record Probe(double x, double y, Color colour, int tolerance) {}

    record Sample(String name, ImageFormat format, Supplier<byte[]> bytes, int width, int height, List<Probe> probes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Probe> QUADRANTS = List.of(
            new Probe(0.25, 0.25, RED, 12), new Probe(0.75, 0.25, GREEN, 12),
            new Probe(0.25, 0.75, BLUE, 12), new Probe(0.75, 0.75, YELLOW, 12));

    /** Top half #d02020, bottom half #2040c0; see images/make-cmyk-samples.sh. */
    private static final List<Probe> CMYK_HALVES =
            List.of(new Probe(0.5, 0.25, RED, 10), new Probe(0.5, 0.75, BLUE, 10));

    static Stream<Sample> samples() {
        BufferedImage q = TestImages.quadrants(64, 48);
        return Stream.of(
                new Sample("jpeg baseline", ImageFormat.JPEG, () -> TestImages.jpeg(q), 64, 48, QUADRANTS),
                new Sample(
                        "jpeg progressive", ImageFormat.JPEG, () -> TestImages.progressiveJpeg(q), 64, 48, QUADRANTS),
                new Sample(
                        "jpeg grey",
                        ImageFormat.JPEG,
                        () -> TestImages.jpeg(grey(64, 48, 0x80)),
                        64,
                        48,
                        List.of(new Probe(0.5, 0.5, new Color(0x80, 0x80, 0x80), 3))),
                // Colours right only if the embedded profile is used: it inverts ImageMagick's naive CMYK.
                new Sample(
                        "jpeg ycck with icc profile",
                        ImageFormat.JPEG,
                        () -> TestImages.resource("ycck-icc.jpg"),
                        48,
                        64,
                        CMYK_HALVES),
                // No profile: TwelveMonkeys falls back to a generic CMYK profile, so hues, not exact values.
                new Sample(
                        "jpeg ycck without profile",
                        ImageFormat.JPEG,
                        () -> TestImages.resource("ycck-no-icc.jpg"),
                        48,
                        64,
                        List.of(new Probe(0.5, 0.25, RED, 60), new Probe(0.5, 0.75, BLUE, 70))),
                new Sample("png rgb", ImageFormat.PNG, () -> TestImages.encode(q, "png"), 64, 48, QUADRANTS),
                new Sample(
                        "png alpha over white",
                        ImageFormat.PNG,
                        () -> TestImages.encode(halfTransparent(40, 20), "png"),
                        40,
                        20,
                        List.of(new Probe(0.25, 0.5, RED, 0), new Probe(0.75, 0.5, Color.WHITE, 0))),
                new Sample(
                        "png 1x1",
                        ImageFormat.PNG,
                        () -> TestImages.encode(TestImages.solid(1, 1, BLUE), "png"),
                        1,
                        1,
                        List.of(new Probe(0, 0, BLUE, 0))),
                new Sample(
                        "jpeg 1x1",
                        ImageFormat.JPEG,
                        () -> TestImages.jpeg(TestImages.solid(1, 1, GREEN)),
                        1,
                        1,
                        List.of(new Probe(0, 0, GREEN, 12))),
                new Sample("webp lossy", ImageFormat.WEBP, () -> TestImages.webp(q), 64, 48, QUADRANTS),
                new Sample("gif", ImageFormat.GIF, () -> TestImages.encode(q, "gif"), 64, 48, QUADRANTS),
                new Sample("tiff", ImageFormat.TIFF, () -> TestImages.encode(q, "tiff"), 64, 48, QUADRANTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sniffsTheFormat(Sample sample) {
        assertEquals(sample.format(), ImageSniffer.sniff(sample.bytes().get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsTheSizeFromTheHeader(Sample sample) {
        ImageHeader header = HeaderReader.read(sample.bytes().get(), ImageLimits.DEFAULT);
        assertEquals(sample.width(), header.width());
        assertEquals(sample.height(), header.height());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesToOpaqueSrgbWithTheRightColours(Sample sample) {
        DecodedImage decoded = new ImageDecoder().decode(sample.bytes().get(), ImageLimits.DEFAULT, 0);
        BufferedImage image = decoded.image();
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertEquals(sample.width(), image.getWidth());
        assertEquals(sample.height(), image.getHeight());
        for (Probe p : sample.probes()) {
            int x = (int) Math.min(image.getWidth() - 1, p.x() * image.getWidth());
            int y = (int) Math.min(image.getHeight() - 1, p.y() * image.getHeight());
            TestImages.assertColour(image, x, y, p.colour(), p.tolerance());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void subsamplesByAPowerOfTwo(Sample sample) {
        byte[] bytes = sample.bytes().get();
        ImageHeader header = HeaderReader.read(bytes, ImageLimits.DEFAULT);
        DecodedImage decoded = new ImageDecoder().decode(bytes, header, 2);
        assertEquals((sample.width() + 1) / 2, decoded.image().getWidth());
        assertEquals((sample.height() + 1) / 2, decoded.image().getHeight());
    }

    private static BufferedImage grey(int w, int h, int value) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setColor(new Color(value, value, value));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    /** Left half opaque red, right half fully transparent (black underneath, so dropping alpha shows). */
    private static BufferedImage halfTransparent(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, x < w / 2 ? 0xFF000000 | RED.getRGB() : 0x00000000);
            }
        }
        return image;
    }
}
