package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.ImageAnalyzer;
import io.venuekit.assets.detect.SubjectRefiner;
import io.venuekit.server.TestServer;
import io.venuekit.server.ops.ModelTimes;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model inference time per model in /metrics (issue 16). */
class ModelTimesTest {

    @TempDir
    Path dataDir;

    @Test
    void anUploadIsTimedPerModelInTheMetrics() throws Exception {
        boolean faceModel = Files.exists(AssetTestApp.MODELS.resolve(ImageAnalyzer.FACE_MODEL));
        boolean textModel = Files.exists(AssetTestApp.MODELS.resolve(ImageAnalyzer.TEXT_MODEL));
        assertTrue(
                faceModel || textModel,
                "the models are in " + AssetTestApp.MODELS.toAbsolutePath() + ": nothing to time without them");
        try (TestServer server = TestServer.start(dataDir)) {
            String before = server.get("/metrics").text();
            assertEquals(0, count(before, "face"), "nothing analysed yet");
            assertTrue(
                    before.contains("venuekit_model_inference_seconds_bucket{model=\"saliency\""),
                    "a histogram per model");

            TestServer.Response upload = server.post("/api/assets", TestImages.jpeg(3), "Content-Type", "image/jpeg");
            assertEquals(202, upload.status(), upload.toString());
            String id = upload.json().path("id").asText();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!server.get("/api/assets/" + id)
                    .json()
                    .path("status")
                    .asText()
                    .equals("ready")) {
                assertTrue(System.nanoTime() < deadline, "the upload was not processed in 2 minutes");
                Thread.sleep(50);
            }

            String after = server.get("/metrics").text();
            if (faceModel) {
                assertTrue(count(after, "face") >= 1, after);
                assertTrue(sum(after, "face") > 0, "the face model took some time");
            }
            if (textModel) {
                assertTrue(count(after, "text") >= 1, after);
            }
        }
    }

    @Test
    void theSaliencyModelIsTimedAroundEachRun() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ModelTimes times = new ModelTimes(registry);
        Box box = new Box(1, 2, 3, 4, 0.9);
        SubjectRefiner slow = image -> {
            long end = System.nanoTime() + 2_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return box;
        };
        SubjectRefiner timed = times.timed(slow);
        assertSame(box, timed.subject(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)));
        var timer = registry.get("venuekit.model.inference")
                .tag("model", "saliency")
                .timer();
        assertEquals(1, timer.count());
        assertTrue(
                timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) >= 2_000_000, "the run's time is recorded");
        assertEquals(
                0,
                registry.get("venuekit.model.inference")
                        .tag("model", "face")
                        .timer()
                        .count());
    }

    private static double count(String metrics, String model) {
        return value(metrics, "venuekit_model_inference_seconds_count{model=\"" + model + "\"}");
    }

    private static double sum(String metrics, String model) {
        return value(metrics, "venuekit_model_inference_seconds_sum{model=\"" + model + "\"}");
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
