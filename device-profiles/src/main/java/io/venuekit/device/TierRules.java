package io.venuekit.device;

import io.venuekit.device.ua.UaRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tier rules, as read from a {@code tier-rules.json} file that operators can change: every
 * threshold, chip list, model list and User-Agent rule lives there, none in Java. See the
 * default file {@value #DEFAULT_RESOURCE} for the format; {@link TierRulesReader} checks it.
 *
 * @param defaultTier        when nothing else decides
 * @param hardware           lines drawn on the app's reported RAM, cores, clock and year
 * @param lowSocs            a reported chip matching one of these is low
 * @param highSocs           a reported chip matching one of these is high (when not low)
 * @param memoryLowBelowGb   a {@code Device-Memory} hint below this is low
 * @param memoryHighAtLeastGb a {@code Device-Memory} hint at least this is high
 * @param ectMediaTier       effective connection type to the highest media tier it allows
 * @param saveDataMediaTier  the highest media tier under {@code Save-Data: on}
 * @param uaMaxLength        longer User-Agents are cut before parsing (regex cost, abuse)
 * @param uaCacheSize        how many User-Agent verdicts the resolver keeps
 * @param models             exact model tokens (upper case) to tier: the model table
 * @param uaRules            ordered User-Agent rules; the first that matches decides
 */
public record TierRules(
        Tier defaultTier,
        HardwareThresholds hardware,
        List<Pattern> lowSocs,
        List<Pattern> highSocs,
        double memoryLowBelowGb,
        double memoryHighAtLeastGb,
        Map<String, Tier> ectMediaTier,
        Tier saveDataMediaTier,
        int uaMaxLength,
        int uaCacheSize,
        Map<String, Tier> models,
        List<UaRule> uaRules) {

    public static final String DEFAULT_RESOURCE = "/venuekit/device/tier-rules.json";

    public TierRules {
        lowSocs = List.copyOf(lowSocs);
        highSocs = List.copyOf(highSocs);
        ectMediaTier = Map.copyOf(ectMediaTier);
        models = Map.copyOf(models);
        uaRules = List.copyOf(uaRules);
    }

    /** The rules shipped in this jar. */
    public static TierRules loadDefault() {
        try (InputStream in = TierRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TierRulesException(DEFAULT_RESOURCE, "", "resource missing from the classpath");
            }
            return TierRulesReader.read(in.readAllBytes(), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new TierRulesException(DEFAULT_RESOURCE, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Rules from an operator's file. */
    public static TierRules load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TierRulesException(file.toString(), "", "cannot read: " + e, e);
        }
        return TierRulesReader.read(bytes, file.toString());
    }

    /** The tier a reported chip name implies, or null when it is on neither list. */
    public Tier socTier(String soc) {
        if (soc == null) {
            return null;
        }
        for (Pattern p : lowSocs) {
            if (p.matcher(soc).find()) {
                return Tier.LOW;
            }
        }
        for (Pattern p : highSocs) {
            if (p.matcher(soc).find()) {
                return Tier.HIGH;
            }
        }
        return null;
    }
}
