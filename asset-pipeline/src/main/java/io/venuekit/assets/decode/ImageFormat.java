package io.venuekit.assets.decode;

/** The source formats the pipeline decodes. Anything else is refused by {@link ImageSniffer}. */
public enum ImageFormat {
    JPEG("image/jpeg", "JPEG"),
    PNG("image/png", "PNG"),
    WEBP("image/webp", "WebP"),
    GIF("image/gif", "GIF"),
    TIFF("image/tiff", "TIFF");

    private final String mimeType;
    private final String displayName;

    ImageFormat(String mimeType, String displayName) {
        this.mimeType = mimeType;
        this.displayName = displayName;
    }

    /** The name merchants know, for messages: "WebP", not "WEBP". */
    public String displayName() {
        return displayName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The ImageIO format name used to look up a reader. */
    String readerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
