package io.venuekit.renderer;

/**
 * A request the renderer cannot answer. Each subclass carries a stable {@link #code()} so the
 * server maps it to a status without matching on message text.
 */
public abstract class RenderException extends RuntimeException {

    private final String code;

    protected RenderException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, lower-case code for clients, e.g. {@code invalid-cursor}. */
    public String code() {
        return code;
    }
}
