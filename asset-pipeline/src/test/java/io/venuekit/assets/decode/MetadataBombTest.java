package io.venuekit.assets.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.TestImages;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 20, finding 5: a 1.5 MB PNG whose text chunk inflates to 1.5 GB took the server from 2.1 to
 * 6.1 GB. The pixels are read without metadata, so such a chunk is skipped, never inflated.
 */
class MetadataBombTest {

    /** 1 + 258 × 5.9 M zeros: 1.5 GB from a 1.5 MB stream. */
    private static final int REPEATS = 5_900_000;
    /** What decoding a 64 × 48 PNG may add to the heap at its peak, with room for the JIT and the reader's buffers. */
    private static final long HEAP_ALLOWANCE = 128L * 1024 * 1024;

    private static byte[] zlib;
    private static byte[] png;

    record Bomb(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void build() throws Exception {
        zlib = ZlibBomb.zeros(REPEATS);
        png = TestImages.encode(TestImages.quadrants(64, 48), "png");
        assertTrue(zlib.length < 1_600_000, "a small file: " + zlib.length);
        assertTrue(ZlibBomb.inflatedLength(zlib, 1L << 30) > 1L << 30, "and it really inflates past 1 GB");
    }

    static Stream<Bomb> bombs() {
        byte[] latin = "Comment\0".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                new Bomb("zTXt", ZlibBomb.withChunk(png, "zTXt", ZlibBomb.concat(latin, new byte[] {0}, zlib))),
                // keyword, compressed, method 0, no language, no translated keyword
                new Bomb(
                        "iTXt", ZlibBomb.withChunk(png, "iTXt", ZlibBomb.concat(latin, new byte[] {1, 0, 0, 0}, zlib))),
                new Bomb(
                        "iCCP",
                        ZlibBomb.withChunk(
                                png,
                                "iCCP",
                                ZlibBomb.concat(
                                        "bomb\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0}, zlib))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aCompressedChunkThatInflatesToGigabytesIsSkippedAndThePixelsDecode(Bomb bomb) {
        assertTrue(bomb.bytes().length < 1_600_000, bomb.bytes().length + " bytes");
        DecodedImage[] decoded = new DecodedImage[1];
        long growth =
                peakHeapGrowth(() -> decoded[0] = new ImageDecoder().decode(bomb.bytes(), ImageLimits.DEFAULT, 0));
        BufferedImage image = decoded[0].image();
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        TestImages.assertQuadrants(image, 12);
        assertTrue(growth < HEAP_ALLOWANCE, "decoding took " + growth / (1024 * 1024) + " MB of heap at its peak");
    }

    @org.junit.jupiter.api.Test
    void aJpegWithHundredsOfHugeExifSegmentsDecodesUprightInLittleHeap() {
        // 300 APP1 segments of 64 KB (19 MB), each an EXIF block whose first directory claims 65,535 entries
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(TestImages.quadrants(64, 48)), 1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        byte[] payload = new byte[65533];
        System.arraycopy("Exif\0\0MM\0*\0\0\0\b".getBytes(StandardCharsets.ISO_8859_1), 0, payload, 0, 14);
        payload[14] = (byte) 0xFF;
        payload[15] = (byte) 0xFF;
        for (int i = 0; i < 300; i++) {
            out.write(0xFF);
            out.write(0xE1);
            out.write(0xFF);
            out.write(0xFF);
            out.writeBytes(payload);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        byte[] bomb = out.toByteArray();
        assertTrue(bomb.length > 19_000_000 && bomb.length < ImageLimits.DEFAULT.maxBytes(), bomb.length + " bytes");
        DecodedImage[] decoded = new DecodedImage[1];
        long growth = peakHeapGrowth(() -> decoded[0] = new ImageDecoder().decode(bomb, ImageLimits.DEFAULT, 0));
        assertEquals(64, decoded[0].image().getWidth());
        TestImages.assertQuadrants(decoded[0].image(), 12);
        assertTrue(growth < HEAP_ALLOWANCE, "decoding took " + growth / (1024 * 1024) + " MB of heap at its peak");
    }

    /** The most the heap grew while {@code work} ran: the sum of each heap pool's peak (an upper bound) over its use before. */
    private static long peakHeapGrowth(Runnable work) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
                .toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        work.run();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return peak - before;
    }
}
