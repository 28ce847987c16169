package io.venuekit.assets.variant;

/**
 * What a slot shows before its image arrives.
 *
 * @param colour  the crop's average colour, "#rrggbb", for a flat background
 * @param preview a 16-pixel-wide JPEG as a data URI; scaled up by the browser it reads as a blur
 */
public record Placeholder(String colour, String preview) {}
