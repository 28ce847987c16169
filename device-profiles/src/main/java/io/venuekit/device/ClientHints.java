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
public record ClientHints(Double deviceMemoryGb, String ect, boolean saveData, boolean reducedMotion,
                          Double dpr, Integer viewportWidth, String model, Boolean mobile,
                          Integer platformVersion, Map<String, String> headerOf, List<String> problems) {

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

    public static ClientHints read(DeviceRequest request) {
        Map<String, String> names = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String memory = value(request, names, "device-memory", "Sec-CH-Device-Memory", "Device-Memory");
        Double memoryGb = number(memory, 0.01, 1024, "device-memory", problems);
        String ectValue = value(request, names, "ect", "ECT");
        String ect = null;
        if (ectValue != null) {
            ect = ectValue.toLowerCase(Locale.ROOT);
            if (!EFFECTIVE_TYPES.contains(ect)) {
                problems.add("ect-ignored=" + shorten(ectValue));
                ect = null;
            }
        }
        String save = value(request, names, "save-data", "Save-Data");
        String motion = value(request, names, "reduced-motion", "Sec-CH-Prefers-Reduced-Motion");
        Double dpr = number(value(request, names, "dpr", "Sec-CH-DPR", "DPR"), 0.5, 10, "dpr", problems);
        Double width = number(value(request, names, "viewport-width", "Sec-CH-Viewport-Width", "Viewport-Width"),
                1, 20000, "viewport-width", problems);
        String model = unquote(value(request, names, "model", "Sec-CH-UA-Model"));
        String mobile = value(request, names, "mobile", "Sec-CH-UA-Mobile");
        String platform = unquote(value(request, names, "platform-version", "Sec-CH-UA-Platform-Version"));
        Integer platformVersion = null;
        if (platform != null) {
            Double major = number(platform.split("\\.")[0], 0, 1000, "platform-version", problems);
            platformVersion = major == null ? null : major.intValue();
        }
        return new ClientHints(memoryGb, ect, save != null && save.equalsIgnoreCase("on"),
                motion != null && unquote(motion) != null && unquote(motion).equalsIgnoreCase("reduce"),
                dpr, width == null ? null : width.intValue(), model == null || model.isEmpty() ? null : model,
                mobile == null ? null : mobile.equals("?1") ? Boolean.TRUE : mobile.equals("?0") ? Boolean.FALSE : null,
                platformVersion, names, problems);
    }

    private static String value(DeviceRequest request, Map<String, String> names, String hint, String... headers) {
        for (String header : headers) {
            String v = request.header(header);
            if (v != null) {
                names.put(hint, header.toLowerCase(Locale.ROOT));
                v = v.trim();
                return v.length() > 256 ? v.substring(0, 256) : v;
            }
        }
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
