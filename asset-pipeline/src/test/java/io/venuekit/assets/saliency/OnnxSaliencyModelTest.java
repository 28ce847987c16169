package io.venuekit.assets.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.TestImages;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.ImageAnalyzer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSaliencyModelTest {

    @TempDir
    Path dir;

    /** A dark photo with one bright patch at x 300-420, y 60-180. */
    private static BufferedImage brightPatch() {
        return TestImages.rectangleOn(640, 360, new Color(30, 40, 50), new Color(250, 240, 230), 300, 60, 120, 120);
    }

    @Test
    void aModelsMapGivesTheSubjectBoxWithoutEdgeSnapping() throws IOException {
        OnnxSaliencyModel model = OnnxSaliencyModel.load(TinyOnnx.channelMean(dir, 64));
        assertEquals(64, model.inputSide(), "the input side is read from the model");
        BufferedImage image = brightPatch();

        SaliencyMap map = model.estimate(image);
        Box subject = model.subjectFinder().find(map, image.getWidth(), image.getHeight());

        assertSame(SubjectFinder.SEGMENTATION, model.subjectFinder());
        assertEquals(300, subject.x(), 10);
        assertEquals(60, subject.y(), 6);
        assertEquals(420, subject.right(), 10);
        assertEquals(180, subject.bottom(), 6);
    }

    @Test
    void withoutASidecarTheInputIsScaledWithImageNetsMeanAndStd() throws IOException {
        OnnxSaliencyModel model = OnnxSaliencyModel.load(TinyOnnx.channelMean(dir, 8));
        assertArrayEquals(
                InputNormalisation.IMAGENET.mean(), model.normalisation().mean());

        float[] t =
                OnnxSaliencyModel.toTensor(TestImages.solid(8, 8, new Color(255, 0, 128)), 8, model.normalisation());

        assertEquals(3 * 64, t.length, "NCHW: three planes of 8x8");
        assertEquals((1 - 0.485f) / 0.229f, t[0], 1e-5);
        assertEquals((0 - 0.456f) / 0.224f, t[64], 1e-5);
        assertEquals((128 / 255f - 0.406f) / 0.225f, t[128 + 63], 1e-5);
    }

    @Test
    void aMapWithoutAConfidentPeakGivesNoSubject() {
        float[] faint = new float[64];
        faint[63] = 0.03f; // what ISNet gives an all-black image, at its brightest
        SaliencyMap m = OnnxSaliencyModel.toMap(faint, 8, 8);
        assertEquals(null, SubjectFinder.SEGMENTATION.find(m, 800, 800), "no subject made up from noise");
        faint[63] = 0.5f;
        assertEquals(
                700,
                SubjectFinder.SEGMENTATION
                        .find(OnnxSaliencyModel.toMap(faint, 8, 8), 800, 800)
                        .x(),
                1e-9);
    }

    @Test
    void theModelsOutputIsMinMaxNormalised() {
        SaliencyMap m = OnnxSaliencyModel.toMap(new float[] {0.2f, 0.6f, 1.0f, 0.2f}, 2, 2);
        assertEquals(0f, m.at(0, 0), 1e-6);
        assertEquals(0.5f, m.at(1, 0), 1e-6);
        assertEquals(1f, m.at(0, 1), 1e-6);
    }

    @Test
    void theSidecarBesideTheModelSetsTheScaling() throws IOException {
        Path file = TinyOnnx.channelMean(dir, 8);
        Files.writeString(dir.resolve("saliency.json"), "{\"mean\": [0.5, 0.5, 0.5], \"std\": [1, 1, 1]}");

        OnnxSaliencyModel model = OnnxSaliencyModel.load(file);
        float[] t =
                OnnxSaliencyModel.toTensor(TestImages.solid(8, 8, new Color(255, 0, 128)), 8, model.normalisation());

        assertEquals(0.5f, t[0], 1e-6);
        assertEquals(-0.5f, t[64], 1e-6);
        assertEquals(128 / 255f - 0.5f, t[128], 1e-6);
    }

    @Test
    void theSidecarsSideRunsAFixedSizeModelAtThatSide() throws IOException {
        Path file = TinyOnnx.channelMeanHalved(dir, 64);
        assertEquals(64, OnnxSaliencyModel.load(file).inputSide());
        assertEquals(32, OnnxSaliencyModel.load(file).estimate(brightPatch()).width());

        Files.writeString(
                dir.resolve("saliency.json"), "{\"mean\": [0.5, 0.5, 0.5], \"std\": [1, 1, 1], \"side\": 32}");
        OnnxSaliencyModel small = OnnxSaliencyModel.load(file);
        assertEquals(32, small.inputSide());
        SaliencyMap map = small.estimate(brightPatch());
        assertEquals(16, map.width(), "the Resize's sizes follow the input");
        assertEquals(16, map.height());
        Box subject = small.subjectFinder().find(map, 640, 360);
        assertTrue(subject.intersectionArea(Box.of(300, 60, 120, 120)) > 0.5 * 120 * 120, subject.toString());
    }

    @Test
    void aSideThatDoesNotScaleEveryResizeToWholePixelsIsRefused() throws IOException {
        Path file = TinyOnnx.channelMeanHalved(dir, 64);
        Files.writeString(
                dir.resolve("saliency.json"), "{\"mean\": [0.5, 0.5, 0.5], \"std\": [1, 1, 1], \"side\": 37}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxSaliencyModel.load(file));
        assertTrue(e.getMessage().contains("side 37") && e.getMessage().contains("whole pixels"), e.getMessage());

        Files.writeString(
                dir.resolve("saliency.json"), "{\"mean\": [0.5, 0.5, 0.5], \"std\": [1, 1, 1], \"side\": \"big\"}");
        e = assertThrows(IllegalArgumentException.class, () -> OnnxSaliencyModel.load(file));
        assertTrue(e.getMessage().contains("saliency.json") && e.getMessage().contains("\"side\""), e.getMessage());
    }

    @Test
    void aBrokenSidecarIsRefusedWithTheFileAndTheField() throws IOException {
        Path file = TinyOnnx.channelMean(dir, 8);
        Files.writeString(dir.resolve("saliency.json"), "{\"mean\": [0.5, 0.5], \"std\": [1, 1, 1]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxSaliencyModel.load(file));
        assertTrue(e.getMessage().contains("saliency.json") && e.getMessage().contains("\"mean\""), e.getMessage());

        Files.writeString(dir.resolve("saliency.json"), "{\"mean\": [0.5, 0.5, 0.5], \"std\": [1, 0, 1]}");
        e = assertThrows(IllegalArgumentException.class, () -> OnnxSaliencyModel.load(file));
        assertTrue(e.getMessage().contains("std must be positive"), e.getMessage());
    }

    @Test
    void theAnalyzerUsesAConfiguredModelAndSaysSoWhenItCannotLoadIt() throws IOException {
        TinyOnnx.channelMean(dir, 64);
        Detections found = ImageAnalyzer.fromModelsDir(dir).detect(brightPatch());
        assertEquals(300, found.subject().x(), 10, "the model's box, not the classical map's");
        assertTrue(
                found.unavailable().stream().noneMatch(l -> l.startsWith("subject")),
                found.unavailable().toString());
        assertEquals(Detections.SUBJECT_BY_MODEL, found.subjectBy());

        Files.writeString(dir.resolve("saliency.onnx"), "not a model");
        ImageAnalyzer fallback = ImageAnalyzer.fromModelsDir(dir);
        assertTrue(
                fallback.unavailable().stream()
                        .anyMatch(l -> l.startsWith("subject: saliency model") && l.contains("failed to load")),
                fallback.unavailable().toString());
        Detections classical = fallback.detect(brightPatch());
        assertTrue(classical.subject() != null, "the classical map still gives a subject");
        assertTrue(
                classical.unavailable().stream().anyMatch(l -> l.startsWith("subject:")),
                "the manifest says the model was unavailable");
    }

    @Test
    void theAnalyzerSplitsIntoAFastFirstEstimateAndTheModelAsARefiner() throws IOException {
        TinyOnnx.channelMean(dir, 64);
        ImageAnalyzer analyzer = ImageAnalyzer.fromModelsDir(dir);

        Detections quick = analyzer.withClassicalSubject().detect(brightPatch());
        Box refined = analyzer.subjectModel().orElseThrow().subject(brightPatch());

        assertEquals(Detections.SUBJECT_BY_MAP, quick.subjectBy());
        assertEquals(300, refined.x(), 10);
        assertEquals(180, refined.bottom(), 6);

        Files.delete(dir.resolve("saliency.onnx"));
        ImageAnalyzer classical = ImageAnalyzer.fromModelsDir(dir);
        assertTrue(classical.subjectModel().isEmpty(), "nothing to refine with");
        assertSame(classical, classical.withClassicalSubject());
    }
}
