package io.venuekit.renderer;

/** The client-capabilities header cannot be read, or asks for a contract this server does not speak (HTTP 400). */
public final class InvalidCapabilitiesException extends RenderException {

    InvalidCapabilitiesException(String message) {
        super("invalid-capabilities", message);
    }
}
