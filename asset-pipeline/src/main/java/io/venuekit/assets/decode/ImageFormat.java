package io.venuekit.assets.decode;

/** The source formats the pipeline decodes. Anything else is refused by {@link ImageSniffer}. */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    GIF("image/gif"),
    TIFF("image/tiff");

    private final String mimeType;

    ImageFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The ImageIO format name used to look up a reader. */
    String readerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
