package io.venuekit.server.layout;

import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.TierResolver;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a layout request says about its device, and the caching headers that follow from it. */
final class DeviceHeaders {

    /** The app's own report of its hardware; it outranks client hints and the User-Agent. */
    static final String DEVICE_REPORT = "X-Device-Report";
    /** The client's layout contract and known component types. */
    static final String CAPABILITIES = "X-Client-Capabilities";

    /** Hints the tier rules read; asked for with {@code Accept-CH} on every layout response. */
    static final String ACCEPT_CH = String.join(", ", TierResolver.ACCEPT_CH);
    /** Without device memory the first HTML response would have to guess the tier; worth a retry. */
    static final String CRITICAL_CH = "Sec-CH-Device-Memory, Device-Memory";

    static final List<String> READ = List.of(
            "User-Agent",
            DEVICE_REPORT,
            "Sec-CH-Device-Memory",
            "Device-Memory",
            "ECT",
            "Save-Data",
            "Sec-CH-DPR",
            "DPR",
            "Sec-CH-Viewport-Width",
            "Viewport-Width",
            "Sec-CH-UA-Model",
            "Sec-CH-UA-Mobile",
            "Sec-CH-UA-Platform-Version",
            "Sec-CH-Prefers-Reduced-Motion",
            "Sec-CH-UA-Platform");

    private DeviceHeaders() {}

    static DeviceRequest of(HttpServerRequest request, String tierOverride) {
        return LayoutHeaders.read(request.headers()).deviceRequest(tierOverride);
    }

    /**
     * {@code Vary} for a response: the headers that could change it. The User-Agent and the
     * device report always can; a client hint only when this request carried it.
     */
    static String vary(DeviceProfile profile, boolean html) {
        // few distinct hint sets occur; build each Vary value once
        return vary(profile.hintsUsed(), html);
    }

    static String vary(Set<String> hintsUsed, boolean html) {
        return VARY.computeIfAbsent(new VaryKey(hintsUsed, html), k -> buildVary(k.hints(), k.html()));
    }

    private record VaryKey(Set<String> hints, boolean html) {}

    private static final Map<VaryKey, String> VARY = new java.util.concurrent.ConcurrentHashMap<>();

    private static String buildVary(Set<String> hintsUsed, boolean html) {
        // Region, platform and audience choose targeted components: a shared cache must key on them too.
        Set<String> vary = new LinkedHashSet<>(List.of(
                "Accept",
                "Accept-Encoding",
                "User-Agent",
                DEVICE_REPORT,
                "X-Venuekit-Region",
                "X-Venuekit-Platform",
                "X-Venuekit-Audiences"));
        if (!html) {
            vary.add(CAPABILITIES);
        }
        for (String hint : hintsUsed) {
            vary.add(canonical(hint));
        }
        return String.join(", ", vary);
    }

    private static String canonical(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        boolean upper = true;
        for (char c : lower.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        String name = out.toString();
        return name.replace("Sec-Ch-Ua", "Sec-CH-UA")
                .replace("Sec-Ch-", "Sec-CH-")
                .replace("Ect", "ECT")
                .replace("Dpr", "DPR");
    }
}
