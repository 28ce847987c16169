package io.venuekit.server.asset;

import java.time.Duration;

/**
 * How asset jobs run.
 *
 * @param workers           threads processing images at once
 * @param queueCapacity     jobs waiting beyond those; an upload past it gets 429
 * @param retryAfterSeconds what a 429 tells the client to wait
 * @param staleAfter        a processing job whose worker has not reported for this long is taken up again
 *                          (its server was restarted or died)
 * @param sweepEvery        how often queued jobs this instance left behind are looked for
 * @param fullSweepEvery    how often stale jobs, queued ones any instance left and aged variant files are
 *                          looked for (also at start, and once the jobs a restart interrupted have gone stale)
 * @param retireAfter       how long replaced variant files stay served for pages that still link them
 * @param maxAttempts       a job interrupted this many times fails instead of being taken up again
 */
public record JobSettings(
        int workers,
        int queueCapacity,
        int retryAfterSeconds,
        Duration staleAfter,
        Duration sweepEvery,
        Duration fullSweepEvery,
        Duration retireAfter,
        int maxAttempts) {

    public JobSettings {
        if (workers < 1 || queueCapacity < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "workers and maxAttempts must be at least 1, queueCapacity at least 0; got " + workers + ", "
                            + maxAttempts + ", " + queueCapacity);
        }
    }

    /**
     * One worker per core, 32 waiting, interrupted jobs taken up after 2 minutes, a full sweep every 10
     * minutes, old variants kept a day.
     */
    public static JobSettings forMachine() {
        return new JobSettings(
                Runtime.getRuntime().availableProcessors(),
                32,
                10,
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                Duration.ofDays(1),
                3);
    }

    public JobSettings withWorkers(int n, int queue) {
        return new JobSettings(
                n, queue, retryAfterSeconds, staleAfter, sweepEvery, fullSweepEvery, retireAfter, maxAttempts);
    }

    public JobSettings withStaleAfter(Duration d) {
        return new JobSettings(
                workers, queueCapacity, retryAfterSeconds, d, sweepEvery, fullSweepEvery, retireAfter, maxAttempts);
    }

    public JobSettings withSweeps(Duration every, Duration fullEvery) {
        return new JobSettings(
                workers, queueCapacity, retryAfterSeconds, staleAfter, every, fullEvery, retireAfter, maxAttempts);
    }

    public JobSettings withRetireAfter(Duration d) {
        return new JobSettings(
                workers, queueCapacity, retryAfterSeconds, staleAfter, sweepEvery, fullSweepEvery, d, maxAttempts);
    }
}
