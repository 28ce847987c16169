package io.venuekit.assets;

/**
 * Why an upload was refused, with the HTTP status a server should answer. Kept next to the
 * exception so the server maps a reason, never a message text.
 */
public enum RejectionReason {
    /** Too many bytes or too many pixels: a decompression bomb lands here, before decoding. */
    TOO_LARGE(413),
    /** Not an image type we decode (unknown magic bytes, SVG, XML, HEIC ...). */
    UNSUPPORTED_TYPE(415),
    /** The type is known but the file is truncated or damaged. */
    CORRUPT(422);

    private final int httpStatus;

    RejectionReason(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
