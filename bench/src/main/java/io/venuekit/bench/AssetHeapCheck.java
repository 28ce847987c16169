package io.venuekit.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.PipelineSettings;
import io.venuekit.assets.ProcessedAsset;
import io.venuekit.assets.ProgressListener;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.ImageAnalyzer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Processes one large upload (a 50 MP JPEG made by {@code bench/assets/heap-50mp.sh}) the way the
 * server does, and reports peak heap two ways: the most heap in use when any GC started (a real
 * moment's figure), and the sum of each heap pool's own peak (an upper bound, as pools peak at
 * different moments). Run at {@code -Xmx512m}: finishing at all is the first result.
 * Usage: {@code java -Xmx512m -cp benchmarks.jar io.venuekit.bench.AssetHeapCheck <jpeg> [models dir]}.
 */
public final class AssetHeapCheck {

    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        Path models = Path.of(args.length > 1 ? args[1] : "models");
        Detector detector = Files.isDirectory(models) ? ImageAnalyzer.fromModelsDir(models) : image -> Detections.NONE;
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        AssetProcessor processor = new AssetProcessor(detector, new CropPlanner(), PipelineSettings.defaults(), pool);

        AtomicLong maxBeforeGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    var info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    long used = info.getGcInfo().getMemoryUsageBeforeGc().values().stream()
                                            .mapToLong(MemoryUsage::getUsed)
                                            .sum();
                                    maxBeforeGc.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        maxBeforeGc.set(0);

        long start = System.nanoTime();
        ProcessedAsset asset = processor.process(bytes, null, ProgressListener.NONE);
        long ms = (System.nanoTime() - start) / 1_000_000;

        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        var source = asset.manifest().source();
        System.out.printf(
                "%d x %d (%.1f MP, %d KB) -> %d variants in %d ms, worked at %d x %d%n",
                source.width(),
                source.height(),
                source.width() * (double) source.height() / 1e6,
                bytes.length / 1024,
                asset.variants().size(),
                ms,
                source.decodedWidth(),
                source.decodedHeight());
        System.out.printf(
                "max heap: %d MB; peak heap in use at a GC start: %d MB; sum of heap pool peaks: %d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, maxBeforeGc.get() >> 20, poolPeaks >> 20);
        System.out.println("notes: " + asset.manifest().notes());
        pool.shutdown();
    }
}
