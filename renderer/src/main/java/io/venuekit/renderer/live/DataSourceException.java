package io.venuekit.renderer.live;

/** A source could not answer: timed out, refused, broke its contract, or its circuit is open. */
public class DataSourceException extends RuntimeException {

    public DataSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataSourceException(String message) {
        super(message);
    }
}
