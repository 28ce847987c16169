package io.venuekit.faults;

/** What a fault stops. Ordered from most to least blocking. */
public enum Severity {
    /** The document cannot even be stored (nor published, nor used). */
    ERROR,
    /** A draft may keep it while work goes on; a publication may not. */
    WARNING,
    /** Said, never blocks: what a render left out or could not do yet. */
    NOTICE;

    public boolean blocksSave() {
        return this == ERROR;
    }

    public boolean blocksPublish() {
        return this != NOTICE;
    }

    /** The lower-case name used in JSON answers. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
