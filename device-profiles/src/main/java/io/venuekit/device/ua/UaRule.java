package io.venuekit.device.ua;

import io.venuekit.device.Tier;
import java.util.regex.Pattern;

/**
 * One line of the User-Agent rules: every condition that is set must hold, and the first rule
 * that matches decides. Conditions left null are not checked.
 *
 * @param name          the reason it gives; {@code {model}}, {@code {os}}, {@code {osVersion}}
 *                      and {@code {chrome}} are filled in
 * @param tier          the tier it decides
 * @param os            the OS it applies to ({@link UserAgentFacts#os()})
 * @param form          {@code phone}, {@code tablet}, {@code desktop}, {@code bot}, {@code unknown}
 * @param model         found (case-insensitively) in the model token; a UA without a model fails
 * @param ua            found in the whole User-Agent
 * @param osBelow       the OS major version is known and below this
 * @param osAtLeast     the OS major version is at least this
 * @param chromeBelow   a Chrome version is known and below this
 * @param chromeAtLeast the Chrome version is at least this
 */
public record UaRule(
        String name,
        Tier tier,
        String os,
        String form,
        Pattern model,
        Pattern ua,
        Integer osBelow,
        Integer osAtLeast,
        Integer chromeBelow,
        Integer chromeAtLeast) {

    public boolean matches(UserAgentFacts facts, String userAgent) {
        return (os == null || os.equals(facts.os()))
                && (form == null || form.equals(facts.form()))
                && (model == null
                        || (facts.model() != null
                                && model.matcher(facts.model()).find()))
                && (ua == null || ua.matcher(userAgent).find())
                && (osBelow == null || (facts.osVersion() > 0 && facts.osVersion() < osBelow))
                && (osAtLeast == null || facts.osVersion() >= osAtLeast)
                && (chromeBelow == null || (facts.chromeMajor() > 0 && facts.chromeMajor() < chromeBelow))
                && (chromeAtLeast == null || facts.chromeMajor() >= chromeAtLeast);
    }

    /** The reason text for these facts. */
    public String reason(UserAgentFacts facts) {
        if (name.indexOf('{') < 0) {
            return name;
        }
        return name.replace("{model}", String.valueOf(facts.model()))
                .replace("{os}", facts.os())
                .replace("{osVersion}", Integer.toString(facts.osVersion()))
                .replace("{chrome}", Integer.toString(facts.chromeMajor()));
    }
}
