package io.venuekit.bench;

import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.PipelineSettings;
import io.venuekit.assets.ProcessedAsset;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.ImageAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Quick wall-clock check of one upload to all variants, with a stage breakdown; the JMH figure is
 * {@link AssetPipelineBenchmark}. Usage: {@code AssetTimer [models dir] [runs] [threads]}.
 */
public final class AssetTimer {

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "models");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int threads = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        byte[] photo = AssetPhotos.jpeg(4000, 3000, 42);
        Detector detector = Files.isDirectory(models) ? ImageAnalyzer.fromModelsDir(models) : image -> Detections.NONE;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AssetProcessor processor = new AssetProcessor(detector, new CropPlanner(), PipelineSettings.defaults(), pool);
        System.out.printf(
                "4000x3000 JPEG, %d bytes, detector %s, %d cores, %d pool threads%n",
                photo.length,
                detector.getClass().getSimpleName(),
                Runtime.getRuntime().availableProcessors(),
                threads);
        for (int i = 0; i < runs; i++) {
            long[] last = {System.nanoTime()};
            long start = last[0];
            long cpuStart = os.getProcessCpuTime();
            StringBuilder stages = new StringBuilder();
            ProcessedAsset asset = processor.process(photo, null, (fraction, stage) -> {
                if (!stage.startsWith("encoding")) {
                    long now = System.nanoTime();
                    stages.append(String.format(" %s@%d", stage, (now - start) / 1_000_000));
                }
            });
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
            System.out.printf(
                    "run %d: %d ms wall, %d ms CPU (all threads), %d variants, %d KB;%s; unavailable=%s%n",
                    i,
                    ms,
                    cpuMs,
                    asset.variants().size(),
                    asset.totalBytes() / 1024,
                    stages,
                    asset.manifest().detections().unavailable());
        }
        pool.shutdown();
    }
}
