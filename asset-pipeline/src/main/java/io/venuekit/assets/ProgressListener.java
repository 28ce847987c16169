package io.venuekit.assets;

/**
 * Told how far processing has got, for the asset's status. Called from the processing thread and,
 * while variants are encoded, from executor threads: implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, stage) -> {};

    /**
     * @param fraction 0..1, never decreasing
     * @param stage    what is being done, for people: "decoding", "detecting", "encoding 12/48"
     */
    void progress(double fraction, String stage);
}
