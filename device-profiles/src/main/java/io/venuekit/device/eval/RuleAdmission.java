package io.venuekit.device.eval;

import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.Tier;
import io.venuekit.device.TierResolver;
import io.venuekit.device.TierRules;
import io.venuekit.device.ua.UaRule;
import io.venuekit.device.ua.UserAgentFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a family rule only when labelled cases support it: with at least {@link #MIN_CASES}
 * cases of at least {@link #MIN_MODELS} device models, it must be right on {@link #MIN_PRECISION}
 * of them, and a high rule must never have caught a true-low device; with fewer, a low or mid
 * rule is kept unless a case contradicts it and a high rule is dropped (the safety bias).
 * Rules that are not families (bots, desktops, iPhone models, OS floors) are definitions and
 * always kept. Run on the training folds only, it tells how the rules fare on models they
 * were not written for.
 */
final class RuleAdmission {

    static final int MIN_CASES = 3;
    static final int MIN_MODELS = 2;
    static final double MIN_PRECISION = 0.6;

    record Verdict(UaRule rule, int cases, int models, int right, int lowCaught, boolean admitted) {}

    private RuleAdmission() {}

    static List<Verdict> judge(List<CrossValidateDevSet.Case> training, TierRules rules, TierResolver withoutFallback) {
        List<UaRule> all = rules.uaRules();
        int[] cases = new int[all.size()], right = new int[all.size()], low = new int[all.size()];
        List<Set<String>> models = new ArrayList<>();
        all.forEach(r -> models.add(new HashSet<>()));
        for (CrossValidateDevSet.Case c : training) {
            DeviceRequest request = DeviceRequest.ofHeaders(c.headers());
            DeviceProfile p = withoutFallback.resolve(request);
            if (!p.reasons().stream().anyMatch(r -> r.startsWith("ua:"))) {
                continue; // decided by the device table, a client signal, or nothing
            }
            UserAgentFacts facts = withoutFallback.facts(request);
            String ua = c.headers().get("User-Agent");
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).matches(facts, ua)) {
                    cases[i]++;
                    models.get(i).add(c.group());
                    right[i] += all.get(i).tier() == c.label() ? 1 : 0;
                    low[i] += c.label() == Tier.LOW ? 1 : 0;
                    break;
                }
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            UaRule r = all.get(i);
            boolean family = r.name().startsWith("family=");
            boolean enough = cases[i] >= MIN_CASES && models.get(i).size() >= MIN_MODELS;
            boolean supported = enough
                    ? right[i] >= MIN_PRECISION * cases[i] && (r.tier() != Tier.HIGH || low[i] == 0)
                    // Too few cases to judge: a rule that can only lower the tier is kept unless a case
                    // contradicts it; a high rule is never taken on faith.
                    : r.tier() != Tier.HIGH && right[i] == cases[i];
            verdicts.add(new Verdict(r, cases[i], models.get(i).size(), right[i], low[i], !family || supported));
        }
        return verdicts;
    }

    /** The rules with the unsupported families left out. */
    static TierRules admitted(TierRules rules, List<Verdict> verdicts) {
        List<UaRule> kept =
                verdicts.stream().filter(Verdict::admitted).map(Verdict::rule).toList();
        return new TierRules(
                rules.defaultTier(),
                rules.hardware(),
                rules.lowSocs(),
                rules.highSocs(),
                rules.memoryLowBelowGb(),
                rules.memoryHighAtLeastGb(),
                rules.ectMediaTier(),
                rules.saveDataMediaTier(),
                rules.uaMaxLength(),
                rules.uaCacheSize(),
                rules.models(),
                kept);
    }
}
