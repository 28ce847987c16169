package io.venuekit.server.layout;

import io.venuekit.device.DeviceRequest;
import io.venuekit.device.ProbeCookie;
import io.venuekit.device.TierResolver;
import io.vertx.core.MultiMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every header a layout request is read for, gathered in one pass over the request's headers:
 * two dozen case-insensitive lookups cost more than the whole cached answer otherwise.
 */
record LayoutHeaders(
        Map<String, String> device,
        String capabilities,
        String accept,
        String acceptEncoding,
        String ifNoneMatch,
        String audiences,
        String platform,
        String region,
        String subject) {

    private static final int CAPABILITIES = 0,
            ACCEPT = 1,
            ACCEPT_ENCODING = 2,
            IF_NONE_MATCH = 3,
            AUDIENCES = 4,
            PLATFORM = 5,
            REGION = 6,
            SUBJECT = 7,
            DEVICE = 8;
    /** The user's (else the device's) id, by which experiments assign variants. */
    static final String SUBJECT_HEADER = "X-Venuekit-User-Id";

    private static final Map<String, Integer> SLOTS = new HashMap<>();
    private static final Map<String, String> DEVICE_NAMES = new HashMap<>();

    static {
        SLOTS.put(DeviceHeaders.CAPABILITIES.toLowerCase(Locale.ROOT), CAPABILITIES);
        SLOTS.put("accept", ACCEPT);
        SLOTS.put("accept-encoding", ACCEPT_ENCODING);
        SLOTS.put("if-none-match", IF_NONE_MATCH);
        SLOTS.put("x-venuekit-audiences", AUDIENCES);
        SLOTS.put("x-venuekit-platform", PLATFORM);
        SLOTS.put("x-venuekit-region", REGION);
        SLOTS.put(SUBJECT_HEADER.toLowerCase(Locale.ROOT), SUBJECT);
        for (String name : DeviceHeaders.READ) {
            SLOTS.put(name.toLowerCase(Locale.ROOT), DEVICE);
            DEVICE_NAMES.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    static LayoutHeaders read(MultiMap headers) {
        String[] values = new String[DEVICE];
        Map<String, String> device = new HashMap<>(8);
        for (Map.Entry<String, String> header : headers) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                String probe = probeCookie(header.getValue());
                if (probe != null) {
                    device.putIfAbsent(TierResolver.DEVICE_PROBE, probe);
                }
                continue;
            }
            Integer slot = SLOTS.get(lower);
            if (slot == null) {
                continue;
            }
            if (slot == DEVICE) {
                device.putIfAbsent(DEVICE_NAMES.get(lower), header.getValue());
            } else if (values[slot] == null) {
                values[slot] = header.getValue();
            }
        }
        return new LayoutHeaders(
                device,
                values[CAPABILITIES],
                values[ACCEPT],
                values[ACCEPT_ENCODING],
                values[IF_NONE_MATCH],
                values[AUDIENCES],
                values[PLATFORM],
                values[REGION],
                values[SUBJECT]);
    }

    /** The H5 probe's measurements from a Cookie header ({@code vk_dev=…}), or null. */
    static String probeCookie(String cookies) {
        for (String part : cookies.split(";")) {
            String p = part.trim();
            if (p.startsWith(ProbeCookie.COOKIE + "=")) {
                return p.substring(ProbeCookie.COOKIE.length() + 1);
            }
        }
        return null;
    }

    boolean hasProbe() {
        return device.containsKey(TierResolver.DEVICE_PROBE);
    }

    DeviceRequest deviceRequest(String tierOverride) {
        return new DeviceRequest(tierOverride, device);
    }
}
