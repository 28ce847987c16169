package io.venuekit.components.migration;

/** A component's props cannot be brought to the current schema version. */
public final class MigrationException extends RuntimeException {

    private final String type;
    private final int from;
    private final int to;

    public MigrationException(String type, int from, int to, String reason) {
        super(type + " props cannot be upgraded from version " + from + " to " + to + ": " + reason);
        this.type = type;
        this.from = from;
        this.to = to;
    }

    public String type() {
        return type;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }
}
