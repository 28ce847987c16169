package io.venuekit.device;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a request tells about its device: the headers, plus an explicit tier override
 * (operator preview, {@code ?tier=}). Header names are matched case-insensitively.
 */
public record DeviceRequest(String tierOverride, Map<String, String> headers) {

    public DeviceRequest {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) copy.put(k, v);
            });
        }
        headers = java.util.Collections.unmodifiableSortedMap(copy);
    }

    public static DeviceRequest ofHeaders(Map<String, String> headers) {
        return new DeviceRequest(null, headers);
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.get(name); // the map ignores case
    }
}
