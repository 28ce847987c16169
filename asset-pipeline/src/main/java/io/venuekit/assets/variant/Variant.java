package io.venuekit.assets.variant;

/**
 * One encoded file: a shape at a width in a format. {@code name} is content-addressed
 * ({@code <first 16 hex of SHA-256>.<ext>}), so it can be served as immutable forever.
 */
public record Variant(String shape, int width, int height, VariantFormat format, String name, byte[] data) {

    /** What the manifest keeps: everything but the bytes. */
    public VariantRef ref() {
        return new VariantRef(shape, width, height, format, data.length, name);
    }
}
