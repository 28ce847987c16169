package io.venuekit.device;

import java.util.Locale;

/** How much a device can render well. Ordered from most to least capable. */
public enum Tier {
    HIGH,
    MID,
    LOW;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in payloads, rules files and cache keys. */
    public String id() {
        return id;
    }

    /** The less capable of two tiers. */
    public Tier min(Tier other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** Parses {@code high|mid|low} (any case); null when the text is not a tier. */
    public static Tier parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "high" -> HIGH;
            case "mid" -> MID;
            case "low" -> LOW;
            default -> null;
        };
    }
}
