package io.venuekit.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP client hints of one request, parsed. A hint that does not parse is left out and
 * named in {@link #problems()}; clients and proxies send odd values, and a wrong hint must not
 * fail the page.
 *
 * @param deviceMemoryGb  {@code Sec-CH-Device-Memory} / {@code Device-Memory}, null when absent
 * @param ect             {@code ECT}, lower case, null when absent
 * @param saveData        {@code Save-Data: on}
 * @param reducedMotion   {@code Sec-CH-Prefers-Reduced-Motion: reduce}
 * @param dpr             {@code Sec-CH-DPR} / {@code DPR}, null when absent
 * @param viewportWidth   {@code Sec-CH-Viewport-Width} / {@code Viewport-Width}, null when absent
 * @param model           {@code Sec-CH-UA-Model} without quotes, null when absent or empty
 * @param mobile          {@code Sec-CH-UA-Mobile}, null when absent
 * @param platformVersion major of {@code Sec-CH-UA-Platform-Version}, null when absent
 * @param headerOf        hint key (e.g. {@code "device-memory"}) to the header name that carried it
 * @param problems        reasons for hints that were ignored, e.g. {@code "device-memory-ignored=abc"}
 */
public record ClientHints(
        Double deviceMemoryGb,
        String ect,
        boolean saveData,
        boolean reducedMotion,
        Double dpr,
        Integer viewportWidth,
        String model,
        Boolean mobile,
        Integer platformVersion,
        Map<String, String> headerOf,
        List<String> problems) {

    private static final int MAX_VALUE = 64;
    private static final java.util.Set<String> EFFECTIVE_TYPES = java.util.Set.of("slow-2g", "2g", "3g", "4g");

    public ClientHints {
        headerOf = Map.copyOf(headerOf);
        problems = List.copyOf(problems);
    }

    /** The header name (lower case) that carried a hint, or null when it was absent. */
    public String header(String hint) {
        return headerOf.get(hint);
    }

    /** The header names read, by hint; the first name of each wins when a request sends both. */
    private static final String[][] NAMES = {
        {"device-memory", "Sec-CH-Device-Memory", "Device-Memory"},
        {"ect", "ECT"},
        {"save-data", "Save-Data"},
        {"reduced-motion", "Sec-CH-Prefers-Reduced-Motion"},
        {"dpr", "Sec-CH-DPR", "DPR"},
        {"viewport-width", "Sec-CH-Viewport-Width", "Viewport-Width"},
        {"model", "Sec-CH-UA-Model"},
        {"mobile", "Sec-CH-UA-Mobile"},
        {"platform-version", "Sec-CH-UA-Platform-Version"},
    };

    private static final Map<String, String> LOWER = lowerCaseNames();

    private static Map<String, String> lowerCaseNames() {
        Map<String, String> lower = new HashMap<>();
        for (String[] hint : NAMES) {
            for (int n = 1; n < hint.length; n++) {
                lower.put(hint[n], hint[n].toLowerCase(Locale.ROOT));
            }
        }
        return Map.copyOf(lower);
    }

    public static ClientHints read(DeviceRequest request) {
        // One pass over the request's headers: a case-insensitive map lookup per hint name
        // cost ~80 ns each, and most requests carry none of these headers.
        String[] values = new String[NAMES.length];
        int[] rank = new int[NAMES.length];
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            char first = name.isEmpty() ? ' ' : Character.toLowerCase(name.charAt(0));
            if (first != 's' && first != 'd' && first != 'e' && first != 'v') {
                continue; // no hint starts otherwise: skip Accept, Cookie, Host, ... cheaply
            }
            for (int h = 0; h < NAMES.length; h++) {
                for (int n = 1; n < NAMES[h].length; n++) {
                    String known = NAMES[h][n];
                    if (name.length() == known.length()
                            && name.equalsIgnoreCase(known)
                            && (values[h] == null || n < rank[h])) {
                        String v = header.getValue().trim();
                        values[h] = v.length() > 256 ? v.substring(0, 256) : v;
                        rank[h] = n;
                        names.put(NAMES[h][0], LOWER.get(known));
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Double memoryGb = number(values[0], 0.01, 1024, "device-memory", problems);
        String ect = null;
        if (values[1] != null) {
            ect = values[1].toLowerCase(Locale.ROOT);
            if (!EFFECTIVE_TYPES.contains(ect)) {
                problems.add("ect-ignored=" + shorten(values[1]));
                ect = null;
            }
        }
        String save = values[2];
        String motion = unquote(values[3]);
        Double dpr = number(values[4], 0.5, 10, "dpr", problems);
        Integer width = whole(values[5], 1, 20000, "viewport-width", problems);
        String model = unquote(values[6]);
        String mobile = values[7];
        String platform = unquote(values[8]);
        Integer platformVersion = null;
        if (platform != null) {
            int dot = platform.indexOf('.');
            platformVersion =
                    whole(dot < 0 ? platform : platform.substring(0, dot), 0, 1000, "platform-version", problems);
        }
        return new ClientHints(
                memoryGb,
                ect,
                save != null && save.equalsIgnoreCase("on"),
                motion != null && motion.equalsIgnoreCase("reduce"),
                dpr,
                width,
                model == null || model.isEmpty() ? null : model,
                mobile == null ? null : mobile.equals("?1") ? Boolean.TRUE : mobile.equals("?0") ? Boolean.FALSE : null,
                platformVersion,
                names,
                problems);
    }

    // Integer.parseInt: cheaper than a double parse on the hot path of every hinted request.
    private static Integer whole(String value, int min, int max, String hint, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            int n = value.length() > 9 ? Integer.MIN_VALUE : Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        problems.add(hint + "-ignored=" + shorten(value));
        return null;
    }

    private static Double number(String value, double min, double max, String hint, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            double d = value.length() > 16 ? Double.NaN : Double.parseDouble(value);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        problems.add(hint + "-ignored=" + shorten(value));
        return null;
    }

    private static String unquote(String v) {
        if (v == null) {
            return null;
        }
        String s = v.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) : s;
    }

    private static String shorten(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }
}
