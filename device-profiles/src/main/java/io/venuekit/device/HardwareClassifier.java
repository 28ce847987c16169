package io.venuekit.device;

import io.venuekit.device.hardware.DeviceSpec;
import io.venuekit.device.hardware.SocSpec;
import io.venuekit.device.hardware.SocTable;

/**
 * The tier a device table row implies: its memory, its chip's cores and clock (from the
 * {@link SocTable}) and its year, against the same {@link HardwareThresholds} the app's report
 * is judged by. Any low sign is enough; high needs memory and a fast many-core chip. With no
 * memory figure, the chip's class decides.
 */
final class HardwareClassifier {

    private HardwareClassifier() {}

    /** Null when the row holds nothing to decide on. */
    static ReportClassifier.Decision decide(DeviceSpec d, SocTable socs, HardwareThresholds t) {
        SocSpec chip = socs.find(d.soc());
        String what = "hw:" + d.model().replace("*", "") + (d.name().isEmpty() ? "" : "(" + d.name() + ")");
        double ramMb = d.ramGb() * 1024;
        if (d.ramGb() > 0 && ramMb < t.lowRamMbBelow()) {
            return new ReportClassifier.Decision(Tier.LOW, what + ":ram=" + gb(d.ramGb()));
        }
        if (chip != null && chip.cores() <= t.lowCoresAtMost() && chip.maxGhz() <= t.lowClockGhzAtMost()) {
            return new ReportClassifier.Decision(Tier.LOW, what + ":cpu=" + chip.cores() + "x" + chip.maxGhz());
        }
        if (d.year() > 0 && d.year() <= t.lowYearAtMost()) {
            return new ReportClassifier.Decision(Tier.LOW, what + ":year=" + d.year());
        }
        if (chip != null && d.ramGb() > 0) {
            boolean high = ramMb >= t.highRamMbAtLeast()
                    && chip.cores() >= t.highCoresAtLeast()
                    && chip.maxGhz() > t.highClockGhzAbove();
            return new ReportClassifier.Decision(
                    high ? Tier.HIGH : Tier.MID,
                    what + ":ram=" + gb(d.ramGb()) + ",cpu=" + chip.cores() + "x" + chip.maxGhz());
        }
        if (chip != null) {
            return new ReportClassifier.Decision(
                    chip.tier(),
                    what + ":soc=" + chip.name() + "(" + chip.tier().id() + "-class)");
        }
        if (d.ramGb() > 0) {
            // Memory alone: enough for low (above), never for high, which also needs the chip.
            return new ReportClassifier.Decision(Tier.MID, what + ":ram=" + gb(d.ramGb()) + ",soc-unknown");
        }
        return null;
    }

    private static String gb(double gb) {
        return gb == Math.rint(gb) ? Long.toString((long) gb) : Double.toString(gb);
    }
}
