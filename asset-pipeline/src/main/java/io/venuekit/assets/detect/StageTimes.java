package io.venuekit.assets.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time spent per stage of the analysis, summed over the images it was given: wall time, and the
 * measuring thread's CPU time, which other work on a shared machine disturbs much less (the ONNX
 * sessions run on the calling thread, one intra-op thread each). Thread-safe.
 */
public final class StageTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, long[]> nanos = new LinkedHashMap<>();

    /** A stopwatch that adds each lap to {@code timesOrNull}; does nothing for null. */
    public static Lap lap(StageTimes timesOrNull) {
        return new Lap(timesOrNull);
    }

    public synchronized void add(String stage, long wallNanos, long cpuNanos) {
        long[] t = nanos.computeIfAbsent(stage, k -> new long[2]);
        t[0] += wallNanos;
        t[1] += cpuNanos;
    }

    /** Each stage's total wall time in milliseconds, in the order first seen. */
    public synchronized Map<String, Double> wallMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v[0] / 1e6));
        return out;
    }

    /** Each stage's total CPU time of the measuring thread in milliseconds. */
    public synchronized Map<String, Double> cpuMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v[1] / 1e6));
        return out;
    }

    /** Laps of one thread's work. */
    public static final class Lap {
        private final StageTimes times;
        private long wall, cpu;

        private Lap(StageTimes times) {
            this.times = times;
            restart();
        }

        /** Adds the time since the last lap to {@code stage}. */
        public void end(String stage) {
            if (times == null) return;
            long w = wall, c = cpu;
            restart();
            times.add(stage, wall - w, cpu - c);
        }

        private void restart() {
            if (times == null) return;
            wall = System.nanoTime();
            cpu = THREADS.getCurrentThreadCpuTime();
        }
    }
}
