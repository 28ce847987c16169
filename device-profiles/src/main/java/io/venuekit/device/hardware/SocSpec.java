package io.venuekit.device.hardware;

import io.venuekit.device.Tier;

/**
 * One chip: what the tier lines need to know about it.
 *
 * @param name     the chip's usual name ({@code Snapdragon 720G})
 * @param cores    CPU cores
 * @param maxGhz   the fastest core's clock in GHz
 * @param tier     the chip's class alone, when no memory figure is known
 */
public record SocSpec(String name, int cores, double maxGhz, Tier tier) {}
