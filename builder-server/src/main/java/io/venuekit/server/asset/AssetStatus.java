package io.venuekit.server.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an asset's current job stands. A ready asset may be queued again by a new focus or a retry. */
public enum AssetStatus {
    QUEUED,
    PROCESSING,
    READY,
    FAILED;

    /** "queued", "processing", "ready", "failed": as stored and as sent to clients. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AssetStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
