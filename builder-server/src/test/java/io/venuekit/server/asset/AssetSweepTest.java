package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.ContentHash;
import io.venuekit.assets.detect.Detections;
import io.venuekit.server.Eventually;
import io.venuekit.server.db.Database;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled sweeps: a full one at start, then queries only when this instance left a job behind. */
class AssetSweepTest {

    /** The repository calls that read every asset on the embedded database. */
    private static final Set<String> SCANS = Set.of("releaseStale", "queued", "withRetiredBefore");

    @TempDir
    Path dataDir;

    @Test
    void betweenFullSweepsOnlyAJobLeftBehindIsLookedForAndItIsTakenUp() throws Exception {
        try (Database db = Database.connect(null, dataDir, "test")) {
            MongoAssetRepository real = new MongoAssetRepository(db.db());
            ConcurrentHashMap<String, AtomicInteger> scans = new ConcurrentHashMap<>();
            AssetRepository counting = counting(real, scans, new AtomicInteger());
            AssetFiles files = new GridFsAssetFiles(db.db());
            JobSettings settings =
                    JobSettings.forMachine().withWorkers(1, 0).withSweeps(Duration.ofMillis(20), Duration.ofHours(1));
            try (AssetJobs jobs = new AssetJobs(
                            counting, files, new AssetProcessor(image -> Detections.NONE), settings, Clock.systemUTC())
                    .start()) {
                awaitCount(scans, "withRetiredBefore", 1); // the full sweep at start
                long ticks = jobs.sweepTicks();
                Eventually.until(
                        () -> jobs.sweepTicks() >= ticks + 12, "a dozen scheduled sweeps with nothing left behind");
                assertEquals(1, count(scans, "releaseStale"));
                assertEquals(1, count(scans, "queued"));
                assertEquals(1, count(scans, "withRetiredBefore"));

                // A job stored while every slot is taken is left queued for a sweep.
                byte[] photo = TestImages.jpeg(7);
                String id = ContentHash.sha256(photo).substring(0, AssetService.ID_LENGTH);
                files.putOriginal(id, photo);
                real.insert(StoredAsset.queued(
                        id,
                        ContentHash.sha256(photo),
                        "m",
                        Clock.systemUTC().instant().toString(),
                        System.currentTimeMillis()));
                List<AssetJobs.Slot> taken = new ArrayList<>();
                for (Optional<AssetJobs.Slot> s = jobs.reserve(); s.isPresent(); s = jobs.reserve()) {
                    taken.add(s.get());
                }
                jobs.enqueue(id);
                taken.forEach(AssetJobs.Slot::close);

                Eventually.until(
                        () -> real.find(id).orElseThrow().status() == AssetStatus.READY,
                        "the job left behind to be done");
                assertTrue(count(scans, "queued") >= 2, "a scheduled sweep looked for it: " + scans);
                assertEquals(1, count(scans, "releaseStale"), "no full sweep in between: " + scans);
                assertEquals(1, count(scans, "withRetiredBefore"), "no full sweep in between: " + scans);
            }
        }
    }

    @Test
    void aFullSweepThatFailedIsTriedAgainAtTheNextTick() throws Exception {
        try (Database db = Database.connect(null, dataDir, "test")) {
            ConcurrentHashMap<String, AtomicInteger> scans = new ConcurrentHashMap<>();
            AtomicInteger failures = new AtomicInteger(1); // the database is down for the first sweep
            AssetRepository flaky = counting(new MongoAssetRepository(db.db()), scans, failures);
            JobSettings settings = JobSettings.forMachine().withSweeps(Duration.ofMillis(20), Duration.ofHours(1));
            try (AssetJobs jobs = new AssetJobs(
                            flaky,
                            new GridFsAssetFiles(db.db()),
                            new AssetProcessor(image -> Detections.NONE),
                            settings,
                            Clock.systemUTC())
                    .start()) {
                awaitCount(scans, "withRetiredBefore", 1); // only the second sweep gets that far
                assertEquals(2, count(scans, "releaseStale"), "the failed sweep and its retry: " + scans);
            }
        }
    }

    /**
     * The repository, counting the calls that read every asset; the first {@code failures} of them
     * throw, as when the database is down.
     */
    private static AssetRepository counting(
            AssetRepository real, ConcurrentHashMap<String, AtomicInteger> scans, AtomicInteger failures) {
        return (AssetRepository) Proxy.newProxyInstance(
                AssetSweepTest.class.getClassLoader(),
                new Class<?>[] {AssetRepository.class},
                (proxy, method, args) -> {
                    if (SCANS.contains(method.getName())) {
                        scans.computeIfAbsent(method.getName(), k -> new AtomicInteger())
                                .incrementAndGet();
                        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            throw new IllegalStateException("test: database down");
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static int count(ConcurrentHashMap<String, AtomicInteger> scans, String name) {
        AtomicInteger n = scans.get(name);
        return n == null ? 0 : n.get();
    }

    private static void awaitCount(ConcurrentHashMap<String, AtomicInteger> scans, String name, int n) {
        Eventually.until(() -> count(scans, name) >= n, n + " " + name + " calls");
        assertEquals(n, count(scans, name), name + " calls");
    }
}
