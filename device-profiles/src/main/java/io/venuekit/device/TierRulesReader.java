package io.venuekit.device;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuekit.device.ua.UaRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and checks a tier rules file. Every fault is collected with its JSON pointer and all
 * are reported in one {@link TierRulesException}, so an operator fixes the file in one pass.
 */
final class TierRulesReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RULE_KEYS = Set.of(
            "name",
            "tier",
            "os",
            "form",
            "model",
            "ua",
            "osBelow",
            "osAtLeast",
            "chromeBelow",
            "chromeAtLeast",
            "comment");
    private static final Set<String> FORMS = Set.of("phone", "tablet", "desktop", "bot", "unknown");

    private final String source;
    private final List<String> faults = new ArrayList<>();
    private String firstPointer;

    private TierRulesReader(String source) {
        this.source = source;
    }

    static TierRules read(byte[] bytes, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new TierRulesException(source, "", "not valid JSON: " + where + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TierRulesException(source, "", "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TierRulesException(source, "", "must be a JSON object");
        }
        return new TierRulesReader(source).rules(root);
    }

    private TierRules rules(JsonNode root) {
        Tier defaultTier = tier(root.path("default"), "/default");
        JsonNode hw = root.path("hardware");
        HardwareThresholds hardware = new HardwareThresholds(
                number(hw.path("low").path("ramMbBelow"), "/hardware/low/ramMbBelow"),
                (int) number(hw.path("low").path("coresAtMost"), "/hardware/low/coresAtMost"),
                number(hw.path("low").path("clockGhzAtMost"), "/hardware/low/clockGhzAtMost"),
                (int) number(hw.path("low").path("yearAtMost"), "/hardware/low/yearAtMost"),
                number(hw.path("high").path("ramMbAtLeast"), "/hardware/high/ramMbAtLeast"),
                (int) number(hw.path("high").path("coresAtLeast"), "/hardware/high/coresAtLeast"),
                number(hw.path("high").path("clockGhzAbove"), "/hardware/high/clockGhzAbove"));
        List<Pattern> lowSocs = patterns(root.path("socs").path("low"), "/socs/low");
        List<Pattern> highSocs = patterns(root.path("socs").path("high"), "/socs/high");
        double memLow = number(root.path("deviceMemory").path("lowBelowGb"), "/deviceMemory/lowBelowGb");
        double memHigh = number(root.path("deviceMemory").path("highAtLeastGb"), "/deviceMemory/highAtLeastGb");
        Map<String, Tier> ect = new HashMap<>();
        JsonNode ectNode = root.path("media").path("ect");
        if (!ectNode.isObject()) {
            fault("/media/ect", "must be an object of connection type to tier, got " + kind(ectNode));
        } else {
            ectNode.fields()
                    .forEachRemaining(e -> ect.put(
                            e.getKey().toLowerCase(Locale.ROOT), tier(e.getValue(), "/media/ect/" + e.getKey())));
        }
        Tier saveData = tier(root.path("media").path("saveData"), "/media/saveData");
        JsonNode ua = root.path("userAgent");
        int maxLength = (int) number(ua.path("maxLength"), "/userAgent/maxLength");
        int cacheSize = (int) number(ua.path("cacheSize"), "/userAgent/cacheSize");
        if (cacheSize < 1 && ua.path("cacheSize").isNumber()) {
            fault("/userAgent/cacheSize", "must be at least 1, got " + cacheSize);
        }
        Map<String, Tier> models = models(ua.path("models"));
        List<UaRule> rules = uaRules(ua.path("rules"));
        if (!faults.isEmpty()) {
            throw new TierRulesException(source, firstPointer, faults);
        }
        return new TierRules(
                defaultTier,
                hardware,
                lowSocs,
                highSocs,
                memLow,
                memHigh,
                ect,
                saveData,
                maxLength,
                cacheSize,
                models,
                rules);
    }

    private Map<String, Tier> models(JsonNode node) {
        Map<String, Tier> models = new HashMap<>();
        if (!node.isObject()) {
            fault("/userAgent/models", "must be an object of tier to model list, got " + kind(node));
            return models;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "/userAgent/models/" + e.getKey();
            Tier tier = Tier.parse(e.getKey());
            if (tier == null) {
                fault(at, "must be high, mid or low");
                continue;
            }
            if (!e.getValue().isArray()) {
                fault(at, "must be an array of model names, got " + kind(e.getValue()));
                continue;
            }
            for (JsonNode m : e.getValue()) {
                models.put(m.asText().toUpperCase(Locale.ROOT), tier);
            }
        }
        return models;
    }

    private List<UaRule> uaRules(JsonNode node) {
        List<UaRule> rules = new ArrayList<>();
        if (!node.isArray()) {
            fault("/userAgent/rules", "must be an array of rules, got " + kind(node));
            return rules;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String at = "/userAgent/rules/" + i;
            int before = faults.size();
            r.fieldNames().forEachRemaining(k -> {
                if (!RULE_KEYS.contains(k)) {
                    fault(at + "/" + k, "unknown key; expected one of " + new java.util.TreeSet<>(RULE_KEYS));
                }
            });
            String name = r.path("name").asText("");
            if (name.isEmpty()) {
                fault(at + "/name", "missing: every rule names the reason it gives");
            }
            Tier tier = tier(r.path("tier"), at + "/tier");
            String form = text(r, "form");
            if (form != null && !FORMS.contains(form)) {
                fault(at + "/form", "must be one of " + FORMS + ", got \"" + form + "\"");
            }
            UaRule rule = new UaRule(
                    name,
                    tier,
                    text(r, "os"),
                    form,
                    pattern(r.get("model"), at + "/model"),
                    pattern(r.get("ua"), at + "/ua"),
                    integer(r, "osBelow", at),
                    integer(r, "osAtLeast", at),
                    integer(r, "chromeBelow", at),
                    integer(r, "chromeAtLeast", at));
            if (faults.size() == before) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Tier tier(JsonNode node, String at) {
        Tier tier = node.isTextual() ? Tier.parse(node.asText()) : null;
        if (tier == null) {
            fault(at, "must be \"high\", \"mid\" or \"low\", got " + kind(node));
        }
        return tier;
    }

    private double number(JsonNode node, String at) {
        if (!node.isNumber()) {
            fault(at, "must be a number, got " + kind(node));
            return 0;
        }
        return node.asDouble();
    }

    private Integer integer(JsonNode rule, String key, String at) {
        JsonNode node = rule.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isInt()) {
            fault(at + "/" + key, "must be a whole number, got " + kind(node));
            return null;
        }
        return node.asInt();
    }

    private static String text(JsonNode rule, String key) {
        JsonNode node = rule.get(key);
        return node == null || node.isNull() ? null : node.asText();
    }

    private List<Pattern> patterns(JsonNode node, String at) {
        List<Pattern> list = new ArrayList<>();
        if (!node.isArray()) {
            fault(at, "must be an array of regular expressions, got " + kind(node));
            return list;
        }
        for (int i = 0; i < node.size(); i++) {
            Pattern p = pattern(node.get(i), at + "/" + i);
            if (p != null) {
                list.add(p);
            }
        }
        return list;
    }

    private Pattern pattern(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            fault(at, "must be a regular expression string, got " + kind(node));
            return null;
        }
        try {
            return Pattern.compile(node.asText(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            fault(
                    at,
                    "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex() + " in \""
                            + node.asText() + "\"");
            return null;
        }
    }

    private void fault(String pointer, String problem) {
        if (firstPointer == null) {
            firstPointer = pointer;
        }
        faults.add(pointer + ": " + problem);
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing (missing)";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
