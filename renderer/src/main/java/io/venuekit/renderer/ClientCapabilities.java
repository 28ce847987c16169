package io.venuekit.renderer;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the client can render: the payload contract version, the component types it knows and
 * whether it decodes WebP.
 *
 * @param contract the layout contract version the client speaks
 * @param allTypes the client did not list its types: it is assumed to know every type
 * @param types    the types it knows when {@code allTypes} is false; sorted
 * @param webp     the client accepts WebP images
 */
public record ClientCapabilities(int contract, boolean allTypes, Set<String> types, boolean webp) {

    /** The only contract this renderer writes. */
    public static final int CURRENT_CONTRACT = 1;

    /** A client that said nothing: contract 1, every type, JPEG only. */
    public static final ClientCapabilities DEFAULT = new ClientCapabilities(CURRENT_CONTRACT, true, Set.of(), false);

    public ClientCapabilities {
        // sorted, so that equal capabilities give equal cache keys
        types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
    }

    /**
     * Reads a header value such as {@code contract=1; types=hero-banner,image,product-card}.
     * Missing or blank: {@link #DEFAULT}. {@code types=all} or {@code types=*} means every type.
     * Unknown keys are ignored so that clients can send more than this server reads.
     *
     * @throws InvalidCapabilitiesException when the contract is not a number or not spoken here
     */
    public static ClientCapabilities parse(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return DEFAULT;
        }
        int contract = CURRENT_CONTRACT;
        boolean all = true;
        Set<String> types = new TreeSet<>();
        for (String part : headerValue.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            if (key.equals("contract")) {
                contract = contractNumber(value);
            } else if (key.equals("types")) {
                all = false;
                for (String type : value.split(",")) {
                    String t = type.trim().toLowerCase(Locale.ROOT);
                    if (t.equals("all") || t.equals("*")) {
                        all = true;
                    } else if (!t.isEmpty()) {
                        types.add(t);
                    }
                }
            }
        }
        return new ClientCapabilities(contract, all, all ? Set.of() : types, false);
    }

    /** The same client, with WebP support read from its {@code Accept} header ({@code image/webp} listed and not {@code q=0}). */
    public ClientCapabilities withAccept(String accept) {
        return new ClientCapabilities(contract, allTypes, types, acceptsWebp(accept));
    }

    public boolean supports(String type) {
        return allTypes || types.contains(type);
    }

    /** A short, canonical key for caches: the same capabilities always give the same key. */
    public String cacheKey() {
        return "c" + contract + ";" + (allTypes ? "all" : String.join(",", types)) + ";" + (webp ? "webp" : "jpeg");
    }

    private static int contractNumber(String value) {
        int contract;
        try {
            contract = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidCapabilitiesException("contract must be a whole number, got '" + value + "'");
        }
        if (contract < 1 || contract > CURRENT_CONTRACT) {
            throw new InvalidCapabilitiesException("contract " + contract
                    + " is not spoken here; this server speaks contract 1 to " + CURRENT_CONTRACT);
        }
        return contract;
    }

    private static boolean acceptsWebp(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] params = range.split(";");
            if (!params[0].trim().equalsIgnoreCase("image/webp")) {
                continue;
            }
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=") && isZero(p.substring(2))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q.trim()) == 0.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
