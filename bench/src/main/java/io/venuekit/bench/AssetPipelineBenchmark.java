package io.venuekit.bench;

import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.PipelineSettings;
import io.venuekit.assets.ProgressListener;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.ImageAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 4000 × 3000 JPEG from upload bytes to every variant ready: header check, decode, detection
 * (the real ONNX models when {@code -Dmodels=<dir>} exists, default {@code models}), six crops,
 * every width, JPEG and WebP, encodes on a pool of one thread per core. Target: under 2 s on 2 cores.
 *
 * <pre>java -jar bench/target/benchmarks.jar AssetPipelineBenchmark [-p detector=models,none]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
public class AssetPipelineBenchmark {

    @Param({"4000x3000"})
    public String size;

    /** "models" runs the ONNX detectors from {@code -Dmodels} (default {@code models}); "none" isolates the image path. */
    @Param({"models"})
    public String detector;

    private byte[] photo;
    private ExecutorService pool;
    private AssetProcessor processor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String[] wh = size.split("x");
        photo = AssetPhotos.jpeg(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 42);
        Path models = Path.of(System.getProperty("models", "models"));
        Detector found = detector.equals("models") && Files.isDirectory(models)
                ? ImageAnalyzer.fromModelsDir(models)
                : image -> Detections.NONE;
        pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        processor = new AssetProcessor(found, new CropPlanner(), PipelineSettings.defaults(), pool);
        AssetManifest probe =
                processor.process(photo, null, ProgressListener.NONE).manifest();
        System.out.printf(
                "%n%d variants; detectors unavailable: %s%n",
                probe.variants().size(), probe.detections().unavailable());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public AssetManifest uploadToAllVariants() {
        return processor.process(photo, null, ProgressListener.NONE).manifest();
    }
}
