package io.venuekit.assets;

/**
 * An upload the pipeline will not process. The message is written for the merchant who uploaded
 * the file (what is wrong, what the limit is, what to do); {@link #reason()} is for the server.
 * One named factory per fault, so every message reads the same way.
 */
public final class AssetRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public AssetRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AssetRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }

    public int httpStatus() {
        return reason.httpStatus();
    }

    public static AssetRejectedException tooManyBytes(long bytes, long maxBytes) {
        return new AssetRejectedException(
                RejectionReason.TOO_LARGE,
                String.format(
                        "The file is %s; the limit is %s. Export it smaller (for example as a JPEG at quality 85) and upload again.",
                        megabytes(bytes), megabytes(maxBytes)));
    }

    public static AssetRejectedException tooManyPixels(int width, int height, long maxPixels) {
        long pixels = (long) width * height;
        return new AssetRejectedException(
                RejectionReason.TOO_LARGE,
                String.format(
                        java.util.Locale.ROOT,
                        "%,d × %,d pixels is over the %s limit (it is %s). Resize it and upload again.",
                        width,
                        height,
                        megapixels(maxPixels),
                        megapixels(pixels)));
    }

    public static AssetRejectedException empty() {
        return new AssetRejectedException(
                RejectionReason.UNSUPPORTED_TYPE, "The file is empty. Choose the image again and upload it.");
    }

    public static AssetRejectedException svg() {
        return new AssetRejectedException(
                RejectionReason.UNSUPPORTED_TYPE,
                "This file is an SVG; upload a JPEG, PNG, WebP or GIF. (SVG can carry scripts and has no fixed size: "
                        + "export the artwork as PNG or JPEG and upload that.)");
    }

    public static AssetRejectedException unknownType(String seen) {
        return new AssetRejectedException(
                RejectionReason.UNSUPPORTED_TYPE,
                "This file is not an image we can read" + (seen == null ? "" : " (it looks like " + seen + ")")
                        + ". Upload a JPEG, PNG, WebP, GIF or TIFF.");
    }

    public static AssetRejectedException corrupt(String format, String what, Throwable cause) {
        return new AssetRejectedException(
                RejectionReason.CORRUPT,
                "The " + format + " file is damaged: " + what
                        + ". Open it in an image editor, save it again, and upload the new file.",
                cause);
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 ? String.format("%.0f MB", mb) : String.format("%.1f MB", mb);
    }

    static String megapixels(long pixels) {
        double mp = pixels / 1_000_000.0;
        return mp >= 10
                ? String.format(java.util.Locale.ROOT, "%,.0f MP", mp)
                : String.format(java.util.Locale.ROOT, "%.1f MP", mp);
    }
}
