package io.venuekit.device.ua;

import io.venuekit.device.Tier;

/**
 * What the User-Agent rules concluded: the facts read, and the tier with its reason, or a
 * null tier when no rule matched (the resolver then falls back to its default).
 */
public record UaVerdict(UserAgentFacts facts, Tier tier, String reason) {}
