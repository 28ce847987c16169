package io.venuekit.device.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.Tier;
import io.venuekit.device.TierResolver;
import io.venuekit.device.TierRules;
import io.venuekit.device.hardware.DeviceTable;
import io.venuekit.device.hardware.SocTable;
import io.venuekit.device.ua.BrandTable;
import io.venuekit.device.ua.FallbackFit;
import io.venuekit.device.ua.FallbackTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Scores the resolver on a labelled set the way it will meet new phones: grouped k-fold
 * cross-validation, the folds split by device model ({@code group}), so no model is in both the
 * part that fits and the part that is scored. The one fitted part, the fallback per OS version
 * ({@link FallbackFit}), is fitted on the training folds only. Also prints the in-sample figure
 * (the bundled fallback, fitted on the whole set), the same cross-validation without the
 * bundled device table (a model the table does not know), and which step decided how many cases.
 *
 * <pre>java ... CrossValidateDevSet dev.jsonl out-dir [k] [--write-fallback fallback.csv]</pre>
 *
 * Writes {@code predictions-in-sample.jsonl}, {@code predictions-cv.jsonl} and
 * {@code predictions-cv-no-device-table.jsonl} for the set's own scorer. Reads only the UA,
 * headers and group of each case to decide; the label only to fit and to score.
 */
public final class CrossValidateDevSet {

    record Case(String id, String group, Tier label, Map<String, String> headers) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CrossValidateDevSet <dev.jsonl> <out-dir> [k] [--write-fallback file.csv]");
            System.exit(2);
        }
        List<Case> cases = read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        int k = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 5;
        TierRules rules = TierRules.loadDefault();
        DeviceTable devices = DeviceTable.loadDefault();
        SocTable socs = SocTable.loadDefault();

        boolean admit = !List.of(args).contains("--keep-all-rules");
        Fitted all = fitAll(cases, rules, devices, socs, admit);
        FallbackTable fitted = all.fallback();
        for (RuleAdmission.Verdict v : all.verdicts()) {
            if (!v.admitted()) {
                System.out.printf(
                        "rule not supported: %s (%s): %d cases, %d models, %d right, %d true-low%n",
                        v.rule().name(), v.rule().tier().id(), v.cases(), v.models(), v.right(), v.lowCaught());
            }
        }
        for (int i = 2; i < args.length - 1; i++) {
            if (args[i].equals("--write-fallback")) {
                Files.writeString(
                        Path.of(args[i + 1]),
                        fitted.toCsv(
                                "Fitted by io.venuekit.device.eval.CrossValidateDevSet --write-fallback from the labelled\n"
                                        + "development set (" + cases.size()
                                        + " User-Agents): cases no family rule decides (those the device table\n"
                                        + "decides count too, so a maker's cells keep their support as the table grows),\n"
                                        + "counted per OS, form and OS version; tier of least expected cost, a low device served\n"
                                        + "high costing " + (int) FallbackFit.LOW_AS_HIGH
                                        + " misses; keys with fewer than "
                                        + FallbackFit.MIN_SUPPORT + " cases back off to coarser ones.\n"
                                        + "Regenerate, do not edit: device-profiles/eval.sh --write-fallback"));
                System.err.println("wrote " + args[i + 1]);
            }
        }

        TierResolver inSample = new TierResolver(all.rules(), devices, socs, fitted);
        Map<String, DeviceProfile> in = classify(inSample, cases);
        write(out.resolve("predictions-in-sample.jsonl"), in);
        Map<String, DeviceProfile> cv = crossValidate(cases, k, rules, devices, socs, admit);
        write(out.resolve("predictions-cv.jsonl"), cv);
        Map<String, DeviceProfile> cvNoTable = crossValidate(cases, k, rules, DeviceTable.empty(), socs, admit);
        write(out.resolve("predictions-cv-no-device-table.jsonl"), cvNoTable);

        System.out.println("cases " + cases.size() + ", device models (groups) "
                + cases.stream().map(Case::group).distinct().count() + ", folds " + k);
        summary("in-sample (rules admitted and fallback fitted on all cases)", cases, in);
        summary("grouped " + k + "-fold CV (rules admitted and fallback fitted on training folds)", cases, cv);
        summary("grouped " + k + "-fold CV without the bundled device table", cases, cvNoTable);
    }

    static List<Case> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            Map<String, String> headers = new HashMap<>();
            c.path("headers")
                    .fields()
                    .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            headers.put("User-Agent", c.path("ua").asText());
            String group = c.path("group").asText(c.path("id").asText());
            cases.add(new Case(
                    c.path("id").asText(), group, Tier.parse(c.path("tier").asText()), headers));
        }
        return cases;
    }

    /** What is fitted on training cases: the family rules they support, then the fallback. */
    record Fitted(TierRules rules, FallbackTable fallback, List<RuleAdmission.Verdict> verdicts) {}

    static Fitted fitAll(List<Case> training, TierRules rules, DeviceTable devices, SocTable socs, boolean admit) {
        List<RuleAdmission.Verdict> verdicts =
                RuleAdmission.judge(training, rules, new TierResolver(rules, devices, socs, FallbackTable.empty()));
        TierRules kept = admit ? RuleAdmission.admitted(rules, verdicts) : rules;
        return new Fitted(kept, fit(training, kept, devices, socs), verdicts);
    }

    /**
     * Fits the fallback on these cases: those no rule decides. Cases the device table decides are
     * counted too: they are that maker's phones at that OS version like the unknown ones, and
     * leaving them out made a maker's cells lose their support (and back off to the OS-wide cell)
     * whenever the table grew.
     */
    static FallbackTable fit(List<Case> training, TierRules rules, DeviceTable devices, SocTable socs) {
        TierResolver unfitted = new TierResolver(rules, devices, socs, FallbackTable.empty());
        FallbackFit fit = new FallbackFit(BrandTable.loadDefault());
        for (Case c : training) {
            DeviceRequest request = DeviceRequest.ofHeaders(c.headers());
            DeviceProfile p = unfitted.resolve(request);
            boolean byTable = p.reasons().stream().anyMatch(r -> r.startsWith("hw:"));
            if (c.label() != null && (p.reasons().contains("default") || byTable)) {
                fit.add(unfitted.facts(request), c.label());
            }
        }
        return fit.table();
    }

    static Map<String, DeviceProfile> crossValidate(
            List<Case> cases, int k, TierRules rules, DeviceTable devices, SocTable socs, boolean admit) {
        List<String> groups =
                new ArrayList<>(new TreeSet<>(cases.stream().map(Case::group).toList()));
        Collections.shuffle(groups, new Random(15));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            fold.put(groups.get(i), i % k);
        }
        Map<String, DeviceProfile> predictions = new LinkedHashMap<>();
        for (int f = 0; f < k; f++) {
            int test = f;
            List<Case> training =
                    cases.stream().filter(c -> fold.get(c.group()) != test).toList();
            List<Case> held =
                    cases.stream().filter(c -> fold.get(c.group()) == test).toList();
            Fitted fitted = fitAll(training, rules, devices, socs, admit);
            TierResolver resolver = new TierResolver(fitted.rules(), devices, socs, fitted.fallback());
            predictions.putAll(classify(resolver, held));
        }
        return predictions;
    }

    static Map<String, DeviceProfile> classify(TierResolver resolver, List<Case> cases) {
        Map<String, DeviceProfile> out = new LinkedHashMap<>();
        for (Case c : cases) {
            out.put(c.id(), resolver.resolve(DeviceRequest.ofHeaders(c.headers())));
        }
        return out;
    }

    /** Which step decided: hardware data, a client signal, a rule, the fitted fallback, the default. */
    static String step(DeviceProfile p) {
        for (String r : p.reasons()) {
            if (r.startsWith("hw:")) return "hardware-table";
            if (r.startsWith("report:") || r.startsWith("probe:") || r.startsWith("device-memory="))
                return "client-signal";
            if (r.startsWith("ua:fallback=") || r.contains(";ua:fallback=")) return "fallback";
            if (r.startsWith("ua:")) return "rules";
            if (r.equals("default")) return "default";
        }
        return "other";
    }

    static void summary(String title, List<Case> cases, Map<String, DeviceProfile> predictions) {
        int right = 0, lowAsHigh = 0, trueLow = 0, trueHigh = 0, highRight = 0;
        Map<String, int[]> steps = new LinkedHashMap<>();
        // Which misses each step makes (true->served), so a change can be aimed at its cause.
        Map<String, Map<String, Integer>> misses = new HashMap<>();
        for (Case c : cases) {
            DeviceProfile p = predictions.get(c.id());
            Tier t = p.tier();
            boolean ok = t == c.label();
            right += ok ? 1 : 0;
            if (c.label() == Tier.LOW) {
                trueLow++;
                lowAsHigh += t == Tier.HIGH ? 1 : 0;
            }
            if (c.label() == Tier.HIGH) {
                trueHigh++;
                highRight += ok ? 1 : 0;
            }
            int[] s = steps.computeIfAbsent(step(p), x -> new int[2]);
            s[0]++;
            s[1] += ok ? 1 : 0;
            if (!ok) {
                misses.computeIfAbsent(step(p), x -> new java.util.TreeMap<>())
                        .merge(c.label().id() + "->" + t.id(), 1, Integer::sum);
            }
        }
        System.out.printf(
                "== %s%n   accuracy %.4f (%d/%d)  low->high %d (%.4f of true low)  high recall %.4f%n",
                title,
                right / (double) cases.size(),
                right,
                cases.size(),
                lowAsHigh,
                trueLow == 0 ? 0 : lowAsHigh / (double) trueLow,
                trueHigh == 0 ? 0 : highRight / (double) trueHigh);
        steps.forEach((step, s) -> System.out.printf(
                "   decided by %-15s %5d cases (%5.1f%%), accuracy %.4f  misses %s%n",
                step, s[0], 100.0 * s[0] / cases.size(), s[1] / (double) s[0], misses.getOrDefault(step, Map.of())));
    }

    static void write(Path file, Map<String, DeviceProfile> predictions) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, DeviceProfile> e : predictions.entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", e.getKey());
            line.put("tier", e.getValue().tier().id());
            line.put("reasons", e.getValue().reasons());
            line.put("model", e.getValue().model());
            lines.add(json.writeValueAsString(line));
        }
        Files.write(file, lines);
    }
}
