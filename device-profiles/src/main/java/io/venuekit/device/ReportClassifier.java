package io.venuekit.device;

/**
 * The tier an app's {@link DeviceReport} implies under the rules' hardware thresholds and
 * chip lists. The app's own tier wins; then low signs (any one is enough, as in the label
 * rule), then high (memory and a fast many-core CPU, or a high-list chip), else mid.
 */
final class ReportClassifier {

    /** A tier and the reason it gives. */
    record Decision(Tier tier, String reason) {}

    private ReportClassifier() {}

    /** Null when the report has nothing to decide on. */
    static Decision decide(DeviceReport r, TierRules rules) {
        return decide(r, rules, io.venuekit.device.hardware.SocTable.empty());
    }

    /**
     * As {@link #decide(DeviceReport, TierRules)}, with a reported chip's cores and clock taken
     * from the SoC table when the report leaves them out.
     */
    static Decision decide(DeviceReport r, TierRules rules, io.venuekit.device.hardware.SocTable socs) {
        io.venuekit.device.hardware.SocSpec spec =
                r.soc() == null || (r.cores() != null && r.clockGhz() != null) ? null : socs.find(r.soc());
        if (spec != null) {
            r = new DeviceReport(
                    r.ramMb(),
                    r.cores() != null ? r.cores() : Integer.valueOf(spec.cores()),
                    r.clockGhz() != null ? r.clockGhz() : Double.valueOf(spec.maxGhz()),
                    r.year(),
                    r.soc(),
                    r.tier(),
                    r.problems());
        }
        if (r.tier() != null) {
            return new Decision(r.tier(), "report:tier=" + r.tier().id());
        }
        HardwareThresholds t = rules.hardware();
        if (r.ramMb() != null && r.ramMb() < t.lowRamMbBelow()) {
            return new Decision(Tier.LOW, "report:ram=" + mb(r.ramMb()));
        }
        if (r.cores() != null
                && r.clockGhz() != null
                && r.cores() <= t.lowCoresAtMost()
                && r.clockGhz() <= t.lowClockGhzAtMost()) {
            return new Decision(Tier.LOW, "report:cpu=" + r.cores() + "x" + r.clockGhz());
        }
        if (r.year() != null && r.year() <= t.lowYearAtMost()) {
            return new Decision(Tier.LOW, "report:year=" + r.year());
        }
        Tier chip = rules.socTier(r.soc());
        if (chip == null && r.soc() != null) {
            io.venuekit.device.hardware.SocSpec listed = socs.find(r.soc());
            chip = listed == null || listed.tier() == Tier.MID ? null : listed.tier();
        }
        if (chip == Tier.LOW) {
            return new Decision(Tier.LOW, "report:soc=" + r.soc() + "(low-list)");
        }
        boolean bigMemory = r.ramMb() != null && r.ramMb() >= t.highRamMbAtLeast();
        if (bigMemory
                && r.cores() != null
                && r.clockGhz() != null
                && r.cores() >= t.highCoresAtLeast()
                && r.clockGhz() > t.highClockGhzAbove()) {
            return new Decision(Tier.HIGH, "report:ram=" + mb(r.ramMb()) + ",cpu=" + r.cores() + "x" + r.clockGhz());
        }
        if (chip == Tier.HIGH && (r.ramMb() == null || bigMemory)) {
            return new Decision(Tier.HIGH, "report:soc=" + r.soc() + "(high-list)");
        }
        if (r.ramMb() != null || (r.cores() != null && r.clockGhz() != null) || r.year() != null || r.soc() != null) {
            return new Decision(Tier.MID, "report:mid(" + known(r) + ")");
        }
        return null;
    }

    private static String known(DeviceReport r) {
        StringBuilder s = new StringBuilder();
        if (r.ramMb() != null) s.append("ram=").append(mb(r.ramMb())).append(',');
        if (r.cores() != null) s.append("cores=").append(r.cores()).append(',');
        if (r.clockGhz() != null) s.append("clock=").append(r.clockGhz()).append(',');
        if (r.year() != null) s.append("year=").append(r.year()).append(',');
        if (r.soc() != null) s.append("soc=").append(r.soc()).append(',');
        return s.substring(0, s.length() - 1);
    }

    private static long mb(double ramMb) {
        return Math.round(ramMb);
    }
}
