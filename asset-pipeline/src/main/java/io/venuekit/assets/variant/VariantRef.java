package io.venuekit.assets.variant;

/** A variant as listed in a manifest: where the bytes live is the server's business (by {@code name}). */
public record VariantRef(String shape, int width, int height, VariantFormat format, int bytes, String name) {}
