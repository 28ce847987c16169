package io.venuekit.server.asset;

/**
 * Why an asset's last job failed, kept until a later job succeeds.
 *
 * @param code    stable name: {@code too-large}, {@code unsupported-type}, {@code corrupt}, {@code original-missing},
 *                {@code interrupted}, {@code internal}
 * @param message what happened and what to do, for the merchant
 * @param at      when it failed (ISO-8601)
 */
public record AssetFailure(String code, String message, String at) {}
