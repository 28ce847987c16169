package io.venuekit.assets.detect;

/** A model could not be used: its file is missing, unreadable, or not the model expected. */
public final class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message) {
        super(message);
    }
}
