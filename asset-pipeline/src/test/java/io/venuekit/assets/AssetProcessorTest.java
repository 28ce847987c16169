package io.venuekit.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.variant.Aspect;
import io.venuekit.assets.variant.VariantFormat;
import io.venuekit.assets.variant.VariantRef;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AssetProcessorTest {

    /** Finds one face at a fixed place of whatever it is shown, and remembers what it saw. */
    static final class FakeDetector implements Detector {
        final AtomicInteger calls = new AtomicInteger();
        final List<int[]> seen = new ArrayList<>();

        @Override
        public synchronized Detections detect(BufferedImage image) {
            calls.incrementAndGet();
            seen.add(new int[] {image.getWidth(), image.getHeight()});
            return new Detections(List.of(new Box(100, 50, 40, 40, 0.9)), List.of(), null, List.of("text: fake"));
        }
    }

    private final FakeDetector detector = new FakeDetector();
    private final AssetProcessor processor = new AssetProcessor(detector);
    private final byte[] photo = TestImages.jpeg(TestImages.quadrants(2048, 1536));

    @Test
    void makesEveryShapeAtEveryFittingWidthInBothFormats() {
        ProcessedAsset asset = processor.process(photo, null, ProgressListener.NONE);
        AssetManifest m = asset.manifest();

        assertEquals(CropPlanner.SHAPES, m.crops().stream().map(Crop::aspect).toList());
        for (Crop crop : m.crops()) {
            List<VariantRef> ofShape = m.variants().stream()
                    .filter(v -> v.shape().equals(crop.aspect()))
                    .toList();
            List<Integer> expectedWidths =
                    processor.settings().variants().widths().forCrop(crop.width());
            for (VariantFormat format : VariantFormat.values()) {
                assertEquals(
                        expectedWidths,
                        ofShape.stream()
                                .filter(v -> v.format() == format)
                                .map(VariantRef::width)
                                .toList(),
                        crop.aspect() + " " + format);
            }
            for (VariantRef v : ofShape) {
                assertTrue(v.width() <= crop.width(), "never upscaled: " + v);
                assertEquals(Aspect.parse(crop.aspect()).heightFor(v.width()), v.height(), v.toString());
                assertTrue(asset.variant(v.name()).isPresent());
            }
            assertTrue(m.placeholders().get(crop.aspect()).colour().matches("#[0-9a-f]{6}"));
        }
        assertEquals(asset.variants().size(), m.variants().size());
    }

    @Test
    void cropsToWhateverShapesItIsGiven() {
        List<String> shapes = List.of("21:9", "5:4", "1:1");
        AssetProcessor wide = new AssetProcessor(
                detector, new CropPlanner(), PipelineSettings.defaults().withShapes(shapes), Runnable::run);
        AssetManifest m = wide.process(photo, null, ProgressListener.NONE).manifest();

        assertEquals(shapes, m.crops().stream().map(Crop::aspect).toList());
        for (Crop crop : m.crops()) {
            assertEquals(
                    Aspect.parse(crop.aspect()).ratio(), crop.width() / (double) crop.height(), 0.01, crop.toString());
            assertTrue(
                    m.variants().stream().anyMatch(v -> v.shape().equals(crop.aspect())),
                    "variants of " + crop.aspect());
        }
        assertEquals(Set.of("21:9", "5:4", "1:1"), m.placeholders().keySet());
    }

    @Test
    void warmingUpRunsTheWholePipelineOnAPhotoAsLargeAsATypicalUpload() {
        ProcessedAsset warm = processor.warmUp();
        assertEquals(1, detector.calls.get());
        assertEquals(
                4000, warm.manifest().source().width(), warm.manifest().source().toString());
        assertEquals(
                CropPlanner.SHAPES,
                warm.manifest().crops().stream().map(Crop::aspect).toList());
        for (VariantFormat format : VariantFormat.values()) {
            int widest = processor.settings().variants().widths().largestFor(3000);
            assertTrue(
                    warm.variants().stream().anyMatch(v -> v.format() == format && v.width() == widest),
                    format + " at " + widest);
        }
    }

    @Test
    void detectsOnAReducedCopyAndReportsBoxesInSourcePixels() {
        AssetManifest m = processor.process(photo, null, ProgressListener.NONE).manifest();

        assertEquals(1, detector.seen.size());
        assertEquals(1024, detector.seen.get(0)[0]);
        assertEquals(768, detector.seen.get(0)[1]);
        Box face = m.detections().faces().get(0);
        assertEquals(200, face.x(), 1e-9);
        assertEquals(100, face.y(), 1e-9);
        assertEquals(80, face.w(), 1e-9);
        assertEquals(0.9, face.score(), 1e-9);
        assertEquals(List.of("text: fake"), m.detections().unavailable());
    }

    @Test
    void describesTheSource() {
        AssetManifest m = processor.process(photo, null, ProgressListener.NONE).manifest();
        assertEquals(ContentHash.sha256(photo), m.contentHash());
        assertEquals("JPEG", m.source().format());
        assertEquals(2048, m.source().width());
        assertEquals(1536, m.source().height());
        assertEquals(photo.length, m.source().bytes());
        assertEquals(1, m.source().orientation());
        assertEquals("RGB", m.source().colourSpace());
    }

    @Test
    void aFailingDetectorCostsTheDetectionsNotTheAsset() {
        AssetProcessor failing = new AssetProcessor(image -> {
            throw new IllegalStateException("model exploded");
        });
        AssetManifest m = failing.process(photo, null, ProgressListener.NONE).manifest();
        assertTrue(m.detections().faces().isEmpty());
        assertEquals(1, m.detections().unavailable().size());
        assertTrue(m.detections().unavailable().get(0).startsWith("all detectors: failed"));
        assertFalse(m.variants().isEmpty());
    }

    @Test
    void detectorSeesTheImageUpright() {
        byte[] sideways = TestImages.withExifOrientation(TestImages.jpeg(TestImages.quadrants(600, 400)), 6);
        AssetManifest m =
                processor.process(sideways, null, ProgressListener.NONE).manifest();
        int[] seen = detector.seen.get(0);
        assertEquals(1.5, seen[1] / (double) seen[0], 0.01, "portrait, 400 × 600 or a copy of it");
        assertEquals(400, m.source().width());
        assertEquals(6, m.source().orientation());
        assertTrue(
                m.notes().stream().anyMatch(n -> n.contains("EXIF orientation 6")),
                m.notes().toString());
    }

    @Test
    void transparencyIsNoted() {
        BufferedImage argb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        AssetManifest m = processor
                .process(TestImages.encode(argb, "png"), null, ProgressListener.NONE)
                .manifest();
        assertTrue(m.source().alpha());
        assertTrue(
                m.notes().stream().anyMatch(n -> n.contains("laid over white")),
                m.notes().toString());
    }

    @Test
    void replanningANewFocusNeitherDecodesNorDetectsAgain() {
        ProcessedAsset first = processor.process(photo, null, ProgressListener.NONE);
        Focus focus = Focus.point(0.9, 0.5);
        ProcessedAsset again = processor.replan(first.source(), focus, ProgressListener.NONE);
        ProcessedAsset afterRestart = processor.replan(photo, first.manifest(), focus, ProgressListener.NONE);

        assertEquals(1, detector.calls.get());
        assertEquals(focus, again.manifest().focus());
        assertEquals(first.manifest().detections(), again.manifest().detections());
        assertEquals(again.manifest().variants(), afterRestart.manifest().variants());
    }

    @Test
    void replanningFromAManifestWithoutDetectionsDetectsOnce() {
        AssetManifest first =
                processor.process(photo, null, ProgressListener.NONE).manifest();
        AssetManifest bare = new AssetManifest(
                first.contentHash(),
                first.source(),
                null,
                null,
                first.crops(),
                first.variants(),
                first.placeholders(),
                first.notes());
        AssetManifest again = processor
                .replan(photo, bare, Focus.point(0.2, 0.2), ProgressListener.NONE)
                .manifest();
        assertEquals(2, detector.calls.get());
        assertEquals(first.detections(), again.detections());
    }

    @Test
    void parallelRenderingGivesTheSameFilesAsSequential() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AssetProcessor parallel =
                    new AssetProcessor(detector, new CropPlanner(), PipelineSettings.defaults(), pool);
            List<VariantRef> a = parallel.process(photo, null, ProgressListener.NONE)
                    .manifest()
                    .variants();
            List<VariantRef> b = processor
                    .process(photo, null, ProgressListener.NONE)
                    .manifest()
                    .variants();
            assertEquals(b, a);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void progressOnlyGoesUpAndEndsAtOne() {
        List<Double> fractions = new ArrayList<>();
        processor.process(photo, null, (fraction, stage) -> fractions.add(fraction));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        assertTrue(fractions.size() > 10, "one step per encoded file, got " + fractions.size());
    }

    @Test
    void inspectRefusesABombBeforeAnyJob() {
        AssetRejectedException e = assertThrows(
                AssetRejectedException.class, () -> processor.inspect(TestImages.pngHeaderBomb(20000, 20000)));
        assertEquals(413, e.httpStatus());
        assertEquals(0, detector.calls.get());
    }

    @Test
    void manifestSerialisesWithPlainJackson() throws Exception {
        // Focus.isRegion() reads as a "region" property; the reading side must not choke on it.
        ObjectMapper mapper = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        AssetManifest m = processor
                .process(photo, Focus.point(0.5, 0.3), ProgressListener.NONE)
                .manifest();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(m));

        assertEquals(m.contentHash(), json.path("contentHash").asText());
        assertEquals(
                200.0, json.path("detections").path("faces").path(0).path("x").asDouble(), 1e-9);
        assertEquals("webp", json.path("variants").path(1).path("format").asText());
        assertTrue(json.path("variants").path(0).path("bytes").asInt() > 0);
        assertFalse(json.path("variants").path(0).has("data"), "bytes are stored apart, not in the manifest");
        assertEquals(0.3, json.path("focus").path("y").asDouble(), 1e-9);
        assertEquals(m, mapper.readValue(mapper.writeValueAsString(m), AssetManifest.class));
    }

    @Test
    void refiningMovesTheCropsToTheRefinersSubjectAndKeepsTheOtherDetections() throws Exception {
        Detector nothing = image -> new Detections(
                List.of(), List.of(new Box(10, 10, 30, 10, 0.9)), null, List.of(), Detections.SUBJECT_BY_MAP);
        List<int[]> refinerSaw = new ArrayList<>();
        // A subject near the right edge of whatever it is shown.
        AssetProcessor refining = new AssetProcessor(
                nothing,
                image -> {
                    refinerSaw.add(new int[] {image.getWidth(), image.getHeight()});
                    return Box.of(
                            image.getWidth() * 0.8,
                            image.getHeight() * 0.3,
                            image.getWidth() * 0.18,
                            image.getHeight() * 0.3);
                },
                new CropPlanner(),
                PipelineSettings.defaults(),
                Runnable::run);

        AssetManifest first =
                refining.process(photo, null, ProgressListener.NONE).manifest();
        assertTrue(refining.needsRefining(first));
        assertTrue(refinerSaw.isEmpty(), "the first result does not wait for the refiner");
        Crop firstSquare = first.crops().get(0);
        assertEquals((2048 - 1536) / 2, firstSquare.x(), 2, "no subject yet: the square sits near the centre");

        ProcessedAsset refinedAsset = refining.refine(photo, first, null, ProgressListener.NONE);
        AssetManifest refined = refinedAsset.manifest();

        assertEquals(1, refinerSaw.size());
        assertTrue(
                refinerSaw.get(0)[0] <= processor.settings().analysisLongSide(), "the refiner sees the reduced copy");
        assertEquals(Detections.SUBJECT_BY_MODEL, refined.detections().subjectBy());
        assertEquals(2048 * 0.8, refined.detections().subject().x(), 4, "the subject in source pixels");
        assertEquals(first.detections().text(), refined.detections().text(), "the other detections are kept");
        Crop square = refined.crops().get(0);
        assertEquals(2048 - 1536, square.x(), "the square moves right to keep the subject");
        assertTrue(square.reasons().contains("keeps subject"), square.reasons().toString());
        assertFalse(refining.needsRefining(refined));
        // The 4:3 window is the whole photo either way: its files are kept, not made again.
        Crop before = first.crops().get(2), after = refined.crops().get(2);
        assertEquals(
                List.of(before.x(), before.y(), before.width(), before.height()),
                List.of(after.x(), after.y(), after.width(), after.height()));
        assertTrue(after.reasons().contains("keeps subject"), "the reasons are the new plan's: " + after.reasons());
        assertEquals(
                first.variants().stream().filter(v -> v.shape().equals("4:3")).toList(),
                refined.variants().stream().filter(v -> v.shape().equals("4:3")).toList());
        assertTrue(
                refinedAsset.variants().stream().noneMatch(v -> v.shape().equals("4:3")), "no 4:3 file rendered again");
        assertTrue(
                refinedAsset.variants().stream().anyMatch(v -> v.shape().equals("1:1")),
                "the moved square is rendered");
        assertEquals(refined.variants().size(), first.variants().size(), "every shape still listed");
        ObjectMapper mapper = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        assertEquals(
                refined,
                mapper.readValue(mapper.writeValueAsString(refined), AssetManifest.class),
                "what estimated the subject is stored with the manifest");
    }

    @Test
    void aRefinerThatFailsKeepsTheFirstSubjectAndSaysSo() {
        Box mapSubject = Box.of(100, 100, 300, 300);
        Detector map = image -> new Detections(List.of(), List.of(), mapSubject, List.of(), Detections.SUBJECT_BY_MAP);
        AssetProcessor refining = new AssetProcessor(
                map,
                image -> {
                    throw new IllegalStateException("model broke");
                },
                new CropPlanner(),
                PipelineSettings.defaults(),
                Runnable::run);
        AssetManifest first =
                refining.process(photo, null, ProgressListener.NONE).manifest();

        AssetManifest after =
                refining.refine(photo, first, null, ProgressListener.NONE).manifest();

        assertEquals(Detections.SUBJECT_BY_MAP_MODEL_FAILED, after.detections().subjectBy());
        assertEquals(first.detections().subject(), after.detections().subject());
        assertEquals(first.crops(), after.crops());
        assertTrue(
                after.detections().unavailable().stream()
                        .anyMatch(l -> l.startsWith("subject: the salient-object model failed")),
                after.detections().unavailable().toString());
        assertFalse(refining.needsRefining(after), "a model that failed on an image is not tried on it again");
    }

    @Test
    void withoutARefinerNothingIsRefined() {
        AssetManifest m = processor.process(photo, null, ProgressListener.NONE).manifest();
        assertFalse(processor.needsRefining(m));
        assertThrows(IllegalStateException.class, () -> processor.refine(photo, m, null, ProgressListener.NONE));
    }
}
