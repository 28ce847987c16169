package io.venuekit.device;

/**
 * Where hardware figures (from the app's device report) draw the tier lines. Mirrors the
 * label rule: low when memory is short, the CPU is few and slow, or the device is old; high
 * only when memory and a fast many-core CPU are both there.
 *
 * @param lowRamMbBelow       less memory than this is low
 * @param lowCoresAtMost      a CPU with at most this many cores ...
 * @param lowClockGhzAtMost   ... at most this fast is low
 * @param lowYearAtMost       released this year or earlier is low
 * @param highRamMbAtLeast    high needs at least this much memory ...
 * @param highCoresAtLeast    ... and at least this many cores ...
 * @param highClockGhzAbove   ... faster than this
 */
public record HardwareThresholds(
        double lowRamMbBelow,
        int lowCoresAtMost,
        double lowClockGhzAtMost,
        int lowYearAtMost,
        double highRamMbAtLeast,
        int highCoresAtLeast,
        double highClockGhzAbove) {}
