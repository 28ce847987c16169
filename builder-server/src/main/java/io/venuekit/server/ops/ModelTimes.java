package io.venuekit.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.ImageAnalyzer;
import io.venuekit.assets.detect.StageTimes;
import io.venuekit.assets.detect.SubjectRefiner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Model inference time per model for {@code /metrics} ({@code venuekit_model_inference_seconds{model=…}}):
 * {@code face} and {@code text} from the stage times the analyzer records for each image, {@code saliency}
 * around the salient-object model that refines the subject. A model that could not be loaded is not
 * timed, so its zero-length stages do not pull the histogram down.
 */
public final class ModelTimes {

    /** The analyzer's stage name → the model label. */
    private static final Map<String, String> STAGES = Map.of("faces", "face", "text", "text");

    private final Timer face;
    private final Timer text;
    private final Timer saliency;

    public ModelTimes(MeterRegistry registry) {
        this.face = timer(registry, "face");
        this.text = timer(registry, "text");
        this.saliency = timer(registry, "saliency");
    }

    private static Timer timer(MeterRegistry registry, String model) {
        return Timer.builder("venuekit.model.inference")
                .description("time one image spends in a model (the analyzer's stage for face and text detection, "
                        + "the salient-object model's run for saliency)")
                .tag("model", model)
                .register(registry);
    }

    /** {@code analyzer} as the pipeline's detector, timing its models. */
    public Detector timed(ImageAnalyzer analyzer) {
        List<String> missing = analyzer.unavailable();
        // faces come from two models (close-up and small faces): time the stage while either is loaded
        boolean faces = missing.stream().filter(l -> l.startsWith("faces:")).count() < 2;
        boolean texts = missing.stream().noneMatch(l -> l.startsWith("text:"));
        return image -> {
            StageTimes times = new StageTimes();
            var detections = analyzer.detect(image, times);
            times.wallMillis().forEach((stage, ms) -> {
                String model = STAGES.get(stage);
                if ("face".equals(model) && faces) {
                    record(face, ms);
                } else if ("text".equals(model) && texts) {
                    record(text, ms);
                }
            });
            return detections;
        };
    }

    /** {@code refiner} (the salient-object model), timed as {@code saliency}. */
    public SubjectRefiner timed(SubjectRefiner refiner) {
        return image -> {
            long start = System.nanoTime();
            try {
                return refiner.subject(image);
            } finally {
                saliency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    private static void record(Timer timer, double millis) {
        timer.record(Math.round(millis * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
