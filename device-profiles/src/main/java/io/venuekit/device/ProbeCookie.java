package io.venuekit.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the H5 page's probe script measured in the browser, as it stores it in the first-party
 * cookie {@value #COOKIE}: fields joined by {@code _}, each a letter and a value, e.g.
 * {@code v1_m4_c8_s412x915_d2.625_e4g} (format 1; memory {@code navigator.deviceMemory} in GB,
 * {@code hardwareConcurrency} cores, screen size in CSS pixels, device pixel ratio, effective
 * connection type). Parsed leniently like {@link DeviceReport}: a field that does not parse is
 * left out and named in {@link #problems()}.
 *
 * @param memoryGb  navigator.deviceMemory (0.25-8, rounded by the browser), null when absent
 * @param cores     navigator.hardwareConcurrency, null when absent
 * @param screenWidth  CSS pixels, null when absent
 * @param screenHeight CSS pixels, null when absent
 * @param dpr       device pixel ratio, null when absent
 * @param ect       effective connection type (slow-2g, 2g, 3g, 4g), null when absent
 * @param problems  one entry per ignored field
 */
public record ProbeCookie(
        Double memoryGb,
        Integer cores,
        Integer screenWidth,
        Integer screenHeight,
        Double dpr,
        String ect,
        List<String> problems) {

    /** The cookie's name, as the probe script writes it. */
    public static final String COOKIE = "vk_dev";

    private static final int MAX_LENGTH = 128;

    public ProbeCookie {
        problems = List.copyOf(problems);
    }

    /** Parses the cookie's value; null or blank gives null. */
    public static ProbeCookie parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value.strip();
        Double memory = null, dpr = null;
        Integer cores = null, width = null, height = null;
        String ect = null;
        List<String> problems = new ArrayList<>();
        for (String field : text.split("_")) {
            if (field.length() < 2) {
                if (!field.isEmpty()) problems.add(field);
                continue;
            }
            String v = field.substring(1);
            switch (field.charAt(0)) {
                case 'v' -> {
                    if (!v.equals("1")) problems.add(field);
                }
                case 'm' -> memory = range(number(v), 0.1, 64, field, problems);
                case 'c' -> cores = whole(range(number(v), 1, 256, field, problems));
                case 'd' -> dpr = range(number(v), 0.5, 8, field, problems);
                case 's' -> {
                    int x = v.indexOf('x');
                    Double w = x > 0 ? range(number(v.substring(0, x)), 100, 10000, field, problems) : null;
                    Double h =
                            x > 0 && w != null ? range(number(v.substring(x + 1)), 100, 10000, field, problems) : null;
                    if (x <= 0) problems.add(field);
                    if (w != null && h != null) {
                        width = w.intValue();
                        height = h.intValue();
                    }
                }
                case 'e' -> {
                    String e = v.toLowerCase(Locale.ROOT);
                    if (e.equals("slow-2g") || e.equals("2g") || e.equals("3g") || e.equals("4g")) ect = e;
                    else problems.add(field);
                }
                default -> problems.add(field.length() > 16 ? field.substring(0, 16) + "..." : field);
            }
        }
        return new ProbeCookie(memory, cores, width, height, dpr, ect, problems);
    }

    /** The same facts as an {@code X-Device-Report} would carry them (memory and cores). */
    public DeviceReport toReport() {
        return new DeviceReport(memoryGb == null ? null : memoryGb * 1024, cores, null, null, null, null, problems);
    }

    /**
     * The tier the probe decides on its own, or null: memory on the Device-Memory bands, and a
     * CPU of two cores or fewer is low whatever the memory.
     */
    Tier tier(TierRules rules) {
        if (cores != null && cores <= 2) {
            return Tier.LOW;
        }
        if (memoryGb == null) {
            return null;
        }
        return memoryGb < rules.memoryLowBelowGb()
                ? Tier.LOW
                : memoryGb >= rules.memoryHighAtLeastGb() && (cores == null || cores >= 8) ? Tier.HIGH : Tier.MID;
    }

    String reason() {
        return "probe:" + (memoryGb == null ? "" : "device-memory=" + num(memoryGb) + (cores == null ? "" : ","))
                + (cores == null ? "" : "cores=" + cores);
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static Double number(String v) {
        if (v.isEmpty() || v.length() > 12) return null;
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double range(Double n, double min, double max, String field, List<String> problems) {
        if (n == null || n < min || n > max) {
            problems.add(field.length() > 16 ? field.substring(0, 16) + "..." : field);
            return null;
        }
        return n;
    }

    private static Integer whole(Double n) {
        return n == null ? null : n.intValue();
    }
}
