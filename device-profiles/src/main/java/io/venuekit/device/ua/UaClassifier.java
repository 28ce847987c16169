package io.venuekit.device.ua;

import io.venuekit.device.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides a tier from {@link UserAgentFacts}: first the exact model table, then the ordered
 * rules (model families, OS and browser versions, form factors). Stateless and thread-safe.
 */
public final class UaClassifier {

    private final Map<String, Tier> models;
    private final List<UaRule> rules;

    /** @param models upper-case model token to tier */
    public UaClassifier(Map<String, Tier> models, List<UaRule> rules) {
        this.models = Map.copyOf(models);
        this.rules = List.copyOf(rules);
    }

    /** The verdict of the exact model table alone (an operator's explicit word), or null. */
    public UaVerdict listed(UserAgentFacts facts) {
        if (facts.model() != null) {
            Tier listed = models.get(facts.model().toUpperCase(Locale.ROOT));
            if (listed != null) {
                return new UaVerdict(facts, listed, "ua:model=" + facts.model() + "(" + listed.id() + "-list)");
            }
        }
        return null;
    }

    public UaVerdict classify(UserAgentFacts facts, String userAgent) {
        UaVerdict listed = listed(facts);
        if (listed != null) {
            return listed;
        }
        for (UaRule rule : rules) {
            if (rule.matches(facts, userAgent)) {
                return new UaVerdict(facts, rule.tier(), "ua:" + rule.reason(facts));
            }
        }
        return new UaVerdict(facts, null, null);
    }
}
