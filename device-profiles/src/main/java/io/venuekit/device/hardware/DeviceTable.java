package io.venuekit.device.hardware;

import io.venuekit.device.TierRulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Model code to {@link DeviceSpec}, read from CSV files
 * ({@code brand,model,name,ram_gb,soc,year,form,source}; {@code #} starts a comment line).
 *
 * <p>A row names its model by the code phones send ({@code SM-A525F}) or several codes joined by
 * {@code |}. A code ending in {@code *} covers every longer code starting with it; such a prefix
 * must itself belong to one brand ({@code SM-A525*}, {@code CPH23*}), never a bare shape that
 * other makers use too ({@code A0*} would catch ZTE's A0616 as a Nothing phone). A stem ending in
 * a dash ({@code TEL-*}, Huawei's and Honor's model lines) only covers codes whose variant starts
 * with a letter ({@code TEL-AN00}, {@code ANE-LX1}), as theirs do; another maker's
 * {@code TEL-1013GIQA} is not one of them. Exact codes win
 * over prefixes, longer prefixes over shorter ones; a later file's rows win over earlier ones,
 * so an operator's catalogue overrides the bundled table.
 */
public final class DeviceTable {

    public static final String DEFAULT_RESOURCE = "/venuekit/device/devices.csv";
    private static final int MIN_PREFIX = 3;

    private final Map<String, DeviceSpec> exact;
    private final Map<String, DeviceSpec> prefixes;
    private final int longestPrefix;

    private DeviceTable(Map<String, DeviceSpec> exact, Map<String, DeviceSpec> prefixes) {
        this.exact = Map.copyOf(exact);
        this.prefixes = Map.copyOf(prefixes);
        this.longestPrefix =
                prefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    public static DeviceTable empty() {
        return new DeviceTable(Map.of(), Map.of());
    }

    /** The table shipped in this jar. */
    public static DeviceTable loadDefault() {
        try (InputStream in = DeviceTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TierRulesException(DEFAULT_RESOURCE, "", "resource missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new TierRulesException(DEFAULT_RESOURCE, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A device table file, or a Play Console device catalogue export as it is (recognised by its
     * header and converted by {@link PlayCatalogImporter}).
     */
    public static DeviceTable load(Path file) {
        try {
            String text = PlayCatalogImporter.text(Files.readAllBytes(file));
            String name = file.getFileName().toString();
            return parse(
                    PlayCatalogImporter.looksLikeCatalog(text) ? PlayCatalogImporter.convert(text, name) : text, name);
        } catch (IOException e) {
            throw new TierRulesException(file.toString(), "", "cannot read: " + e, e);
        }
    }

    /** Reads the CSV text; every faulty line is reported in one exception. */
    public static DeviceTable parse(String text, String source) {
        Map<String, DeviceSpec> exact = new HashMap<>();
        Map<String, DeviceSpec> prefixes = new HashMap<>();
        List<String> faults = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("brand,")) {
                continue;
            }
            List<String> c = CsvLine.split(line);
            String at = "line " + (i + 1);
            if (c.size() < 7) {
                faults.add(
                        at + ": expected brand,model,name,ram_gb,soc,year,form[,source], got " + c.size() + " cells");
                continue;
            }
            Double ram = c.get(3).isEmpty() ? Double.valueOf(0) : smallest(c.get(3));
            Integer year = c.get(5).isEmpty() ? Integer.valueOf(0) : Numbers.wholeNumber(c.get(5), 1990, 2100);
            String form = c.get(6).isEmpty() ? null : c.get(6).toLowerCase(Locale.ROOT);
            if (ram == null)
                faults.add(at + ": ram_gb must be a number of GB (or 4-8, 4|6|8), got \"" + c.get(3) + "\"");
            if (year == null) faults.add(at + ": year must be 1990-2100, got \"" + c.get(5) + "\"");
            if (form != null && !form.equals("phone") && !form.equals("tablet")) {
                faults.add(at + ": form must be phone, tablet or empty, got \"" + c.get(6) + "\"");
            }
            if (c.get(1).isBlank()) faults.add(at + ": model is empty");
            if (ram == null || year == null || c.get(1).isBlank()) {
                continue;
            }
            String where = c.size() > 7 && !c.get(7).isEmpty() ? c.get(7) : source + ":" + (i + 1);
            for (String code : c.get(1).split("\\|")) {
                String key = key(code);
                if (key.isEmpty()) {
                    continue;
                }
                DeviceSpec spec =
                        new DeviceSpec(c.get(0), code.strip(), c.get(2), ram, emptyToNull(c.get(4)), year, form, where);
                if (key.endsWith("*")) {
                    String stem = key.substring(0, key.length() - 1);
                    if (stem.length() < MIN_PREFIX) {
                        faults.add(at + ": prefix \"" + code + "\" is too short to belong to one brand");
                    } else {
                        prefixes.put(stem, spec);
                    }
                } else {
                    exact.put(key, spec);
                }
            }
        }
        if (!faults.isEmpty()) {
            throw new TierRulesException(
                    source, faults.get(0).substring(0, faults.get(0).indexOf(':')), faults);
        }
        return new DeviceTable(exact, prefixes);
    }

    /** This table with {@code later}'s rows added; a model in both takes {@code later}'s row. */
    public DeviceTable with(DeviceTable later) {
        Map<String, DeviceSpec> e = new HashMap<>(exact);
        e.putAll(later.exact);
        Map<String, DeviceSpec> p = new HashMap<>(prefixes);
        p.putAll(later.prefixes);
        return new DeviceTable(e, p);
    }

    /** The row for a model token, or null. */
    public DeviceSpec find(String model) {
        if (model == null || model.isEmpty()) {
            return null;
        }
        String key = key(model);
        DeviceSpec spec = exact.get(key);
        if (spec != null || prefixes.isEmpty()) {
            return spec;
        }
        for (int end = Math.min(key.length(), longestPrefix); end >= MIN_PREFIX; end--) {
            spec = prefixes.get(key.substring(0, end));
            if (spec != null
                    && !(key.charAt(end - 1) == '-' && end < key.length() && !Character.isLetter(key.charAt(end)))) {
                return spec;
            }
        }
        return null;
    }

    public int size() {
        return exact.size() + prefixes.size();
    }

    /** Upper case, quotes dropped, runs of space and underscore as one space. */
    static String key(String model) {
        String upper = model.strip().toUpperCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(upper.length());
        boolean space = false;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '"') {
                continue;
            }
            if (c == ' ' || c == '_') {
                space = key.length() > 0;
                continue;
            }
            if (space) {
                key.append(' ');
                space = false;
            }
            key.append(c);
        }
        return key.toString();
    }

    private static Double smallest(String cell) {
        Double min = null;
        for (String part : cell.split("[-|/]")) {
            Double d = Numbers.decimal(part, 0.1, 64);
            if (d == null) {
                return null;
            }
            min = min == null ? d : Math.min(min, d);
        }
        return min;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
