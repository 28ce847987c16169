package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a {@code targeting} object ({@code regions}, {@code platforms}, {@code audiences})
 * admits a request. A missing or empty list admits everyone; a non-empty list admits only a
 * request that is known to match, so an unknown region never sees a region-targeted section.
 */
final class Targeting {

    private Targeting() {}

    /** The first rule that excludes the request, or null when it is admitted. */
    static String exclusion(JsonNode targeting, RenderRequest request) {
        if (targeting == null || !targeting.isObject()) {
            return null;
        }
        if (!admits(targeting.get("regions"), request.region())) {
            return "regions " + targeting.get("regions") + " do not include " + request.region();
        }
        if (!admits(targeting.get("platforms"), request.platform())) {
            return "platforms " + targeting.get("platforms") + " do not include " + request.platform();
        }
        JsonNode audiences = targeting.get("audiences");
        if (audiences != null && audiences.isArray() && !audiences.isEmpty()) {
            for (JsonNode a : audiences) {
                if (request.audiences().contains(a.asText())) {
                    return null;
                }
            }
            return "audiences " + audiences + " do not include " + request.audiences();
        }
        return null;
    }

    static boolean admits(JsonNode targeting, RenderRequest request) {
        return exclusion(targeting, request) == null;
    }

    private static boolean admits(JsonNode list, String value) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        for (JsonNode v : list) {
            if (v.asText().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
