package io.venuekit.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the app says about its own device in {@code X-Device-Report}, e.g.
 * {@code ram=3072; cores=8; clock=2.0; year=2019; soc=SM6125; tier=mid}. Parsed leniently: a
 * field that does not parse is left out and named in {@link #problems()}, never thrown, because
 * the header comes from many app versions we do not control.
 *
 * @param ramMb    memory in MB, null when absent
 * @param cores    CPU cores, null when absent
 * @param clockGhz fastest core clock in GHz, null when absent
 * @param year     release year (or the app's year class), null when absent
 * @param soc      chip name as the app reports it, null when absent
 * @param tier     the app's own verdict, null when absent
 * @param problems one entry per field that was ignored, e.g. {@code "ram=abc"}
 */
public record DeviceReport(
        Double ramMb, Integer cores, Double clockGhz, Integer year, String soc, Tier tier, List<String> problems) {

    /** Longer headers are cut: a report is a handful of short fields. */
    static final int MAX_LENGTH = 512;

    private static final int MAX_FIELD = 64;

    public DeviceReport {
        problems = List.copyOf(problems);
    }

    /** True when no field parsed. */
    public boolean isEmpty() {
        return ramMb == null && cores == null && clockGhz == null && year == null && soc == null && tier == null;
    }

    /** Parses the header; null or blank gives null. */
    public static DeviceReport parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String text = header.length() > MAX_LENGTH ? header.substring(0, MAX_LENGTH) : header;
        Double ram = null, clock = null;
        Integer cores = null, year = null;
        String soc = null;
        Tier tier = null;
        List<String> problems = new ArrayList<>();
        for (String part : text.split("[;,]")) {
            String field = part.trim();
            if (field.isEmpty()) {
                continue;
            }
            int eq = field.indexOf('=');
            if (eq <= 0) {
                problems.add(shorten(field));
                continue;
            }
            String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(eq + 1).trim();
            switch (key) {
                case "ram", "memory", "mem" -> ram = positive(memoryMb(value), field, problems);
                case "cores", "cpus" -> cores = integer(number(value), 1, 256, field, problems);
                case "clock", "ghz", "freq" -> clock = positive(clockGhz(value), field, problems);
                case "year", "yearclass" -> year = integer(number(value), 1990, 2100, field, problems);
                case "soc", "chip" -> soc = value.isEmpty() ? null : shorten(value);
                case "tier" -> {
                    tier = Tier.parse(value);
                    if (tier == null) {
                        problems.add(shorten(field));
                    }
                }
                case "dpr" -> {
                    // shapes images, not the tier: read by dpr(header)
                    if (screenDpr(value) == null) {
                        problems.add(shorten(field));
                    }
                }
                default -> problems.add(shorten(field));
            }
        }
        return new DeviceReport(ram, cores, clock, year, soc, tier, problems);
    }

    /**
     * The screen's device pixel ratio the app reports ({@code dpr=2.75}), or null: apps send no
     * DPR client hint, and without it every image would be chosen for a 1x screen.
     */
    public static Double dpr(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String text = header.length() > MAX_LENGTH ? header.substring(0, MAX_LENGTH) : header;
        for (String part : text.split("[;,]")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("dpr")) {
                return screenDpr(part.substring(eq + 1).trim());
            }
        }
        return null;
    }

    private static Double screenDpr(String value) {
        Double d = number(value);
        return d == null || d < 0.5 || d > 5 ? null : d;
    }

    // "3072", "3072MB", "3GB", "3g": a bare number is megabytes unless it is too small to be.
    private static Double memoryMb(String value) {
        String v = value.toLowerCase(Locale.ROOT).replace(" ", "");
        double scale = 1;
        if (v.endsWith("gb") || v.endsWith("g")) {
            scale = 1024;
            v = v.substring(0, v.length() - (v.endsWith("gb") ? 2 : 1));
        } else if (v.endsWith("mb") || v.endsWith("m")) {
            v = v.substring(0, v.length() - (v.endsWith("mb") ? 2 : 1));
        }
        Double n = number(v);
        if (n == null) {
            return null;
        }
        // No phone has 64 MB or less: such a bare number is gigabytes.
        return scale == 1 && n <= 64 ? n * 1024 : n * scale;
    }

    // "2.0", "2.0GHz", "2000MHz", "2000": anything above 100 is megahertz.
    private static Double clockGhz(String value) {
        String v = value.toLowerCase(Locale.ROOT)
                .replace(" ", "")
                .replace("ghz", "")
                .replace("mhz", "");
        Double n = number(v);
        return n == null ? null : n > 100 ? n / 1000 : n;
    }

    private static Double number(String v) {
        if (v.isEmpty() || v.length() > 16) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double positive(Double n, String field, List<String> problems) {
        if (n == null || n <= 0 || n > 1e7) {
            problems.add(shorten(field));
            return null;
        }
        return n;
    }

    private static Integer integer(Double n, int min, int max, String field, List<String> problems) {
        if (n == null || n < min || n > max) {
            problems.add(shorten(field));
            return null;
        }
        return n.intValue();
    }

    private static String shorten(String s) {
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) + "..." : s;
    }
}
