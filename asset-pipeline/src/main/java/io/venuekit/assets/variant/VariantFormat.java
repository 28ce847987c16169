package io.venuekit.assets.variant;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An output format of a variant. */
public enum VariantFormat {
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String extension;

    VariantFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** "jpeg" / "webp" in manifests, as in a {@code <source type>}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
