package io.venuekit.device.hardware;

import io.venuekit.device.Tier;
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
import java.util.regex.Pattern;

/**
 * Chip name to {@link SocSpec}, read from a CSV file ({@code chip,aliases,cores,max_ghz,class,source};
 * aliases separated by {@code |}; {@code #} starts a comment line). Names are matched after
 * dropping the vendor word, spaces and punctuation, so "Qualcomm SM6125", "SM6125" and
 * "Snapdragon 665" meet their row; a part number with a suffix the table lacks
 * ("MT6769V/CZ") falls back to its longest listed stem ("MT6769").
 */
public final class SocTable {

    public static final String DEFAULT_RESOURCE = "/venuekit/device/socs.csv";
    private static final Pattern VENDOR = Pattern.compile(
            "\\b(QUALCOMM(?: TECHNOLOGIES,? INC)?|MEDIATEK|MTK|SAMSUNG|HISILICON|HUAWEI|UNISOC|SPREADTRUM|GOOGLE|"
                    + "APPLE|ROCKCHIP|ALLWINNER|AMLOGIC|INTEL|NVIDIA|XIAOMI|JLQ|LEADCORE)\\b");
    private static final int MIN_STEM = 4;

    private final Map<String, SocSpec> byKey;

    private SocTable(Map<String, SocSpec> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static SocTable empty() {
        return new SocTable(Map.of());
    }

    /** The table shipped in this jar. */
    public static SocTable loadDefault() {
        try (InputStream in = SocTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TierRulesException(DEFAULT_RESOURCE, "", "resource missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new TierRulesException(DEFAULT_RESOURCE, "", "cannot read: " + e.getMessage(), e);
        }
    }

    public static SocTable load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new TierRulesException(file.toString(), "", "cannot read: " + e, e);
        }
    }

    /** Reads the CSV text; every faulty line is reported in one exception. */
    public static SocTable parse(String text, String source) {
        Map<String, SocSpec> map = new HashMap<>();
        List<String> faults = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("chip,")) {
                continue;
            }
            List<String> cells = CsvLine.split(line);
            String at = "line " + (i + 1);
            if (cells.size() < 5) {
                faults.add(at + ": expected chip,aliases,cores,max_ghz,class[,source], got " + cells.size() + " cells");
                continue;
            }
            Integer cores = Numbers.wholeNumber(cells.get(2), 1, 64);
            Double ghz = Numbers.decimal(cells.get(3), 0.1, 6);
            Tier tier = Tier.parse(cells.get(4));
            if (cores == null) faults.add(at + ": cores must be a whole number 1-64, got \"" + cells.get(2) + "\"");
            if (ghz == null) faults.add(at + ": max_ghz must be a number 0.1-6, got \"" + cells.get(3) + "\"");
            if (tier == null) faults.add(at + ": class must be low, mid or high, got \"" + cells.get(4) + "\"");
            if (cores == null || ghz == null || tier == null) {
                continue;
            }
            SocSpec spec = new SocSpec(cells.get(0), cores, ghz, tier);
            map.put(key(cells.get(0)), spec);
            for (String alias : cells.get(1).split("\\|")) {
                if (!alias.isBlank()) {
                    map.put(key(alias), spec);
                }
            }
        }
        if (!faults.isEmpty()) {
            throw new TierRulesException(
                    source, faults.get(0).substring(0, faults.get(0).indexOf(':')), faults);
        }
        return new SocTable(map);
    }

    /** The chip's row, or null when neither the name nor a stem of it is listed. */
    public SocSpec find(String chip) {
        if (chip == null || chip.isBlank()) {
            return null;
        }
        String key = key(chip);
        for (int end = key.length(); end >= MIN_STEM; end--) {
            SocSpec spec = byKey.get(key.substring(0, end));
            if (spec != null) {
                return spec;
            }
            if (!Character.isLetter(key.charAt(end - 1))) {
                break; // only letter suffixes are stripped: MT6769V → MT6769, never MT6769 → MT676
            }
        }
        return null;
    }

    public int size() {
        return byKey.size();
    }

    static String key(String name) {
        String upper = VENDOR.matcher(name.toUpperCase(Locale.ROOT)).replaceAll("");
        StringBuilder key = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(c);
            } else if (c == '/' || c == '(') {
                break; // "MT6769V/CZ", "SM6125 (Snapdragon 665)": the part before names it
            }
        }
        return key.toString();
    }
}
