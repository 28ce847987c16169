package io.venuekit.device.ua;

import io.venuekit.device.Tier;
import io.venuekit.device.TierRulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last word on a User-Agent that no device row and no family rule knows: a tier per maker
 * and OS version band, else per OS, form and OS version, each with how many labelled devices of
 * each tier stood behind it, so the reason carries the uncertainty
 * ({@code fallback=android-10/phone:low(n=84,low=61,mid=20,high=3)}). Lookup goes from the most
 * specific key to the least: (maker, version band), (form, version), (any form, version),
 * (form), (OS). The rows are fitted by {@link FallbackFit} from labelled cases, never written
 * by hand. CSV {@code os,brand,form,os_version,tier,low,mid,high}; {@code *} is "any" and a
 * version may be a band ({@code 9-10}).
 */
public final class FallbackTable {

    public static final String DEFAULT_RESOURCE = "/venuekit/device/fallback.csv";
    static final String ANY = "*";

    /** One fitted cell. */
    public record Cell(String os, String brand, String form, String osVersion, Tier tier, int low, int mid, int high) {

        public String reason(UserAgentFacts f) {
            return "fallback=" + f.os() + "-" + (f.osVersion() > 0 ? f.osVersion() : "?") + "/" + f.form() + ":"
                    + tier.id() + "(by " + (ANY.equals(brand) ? "" : "maker=" + brand + ",")
                    + (ANY.equals(form) ? "" : "form,") + (ANY.equals(osVersion) ? "os" : "version=" + osVersion)
                    + ";n=" + (low + mid + high) + ",low=" + low + ",mid=" + mid + ",high=" + high + ")";
        }

        String key() {
            return FallbackTable.key(os, brand, form, osVersion);
        }

        String csv() {
            return String.join(
                    ",",
                    os,
                    brand,
                    form,
                    osVersion,
                    tier.id(),
                    Integer.toString(low),
                    Integer.toString(mid),
                    Integer.toString(high));
        }
    }

    private final Map<String, Cell> cells;
    private final BrandTable brands;

    public FallbackTable(List<Cell> cells, BrandTable brands) {
        Map<String, Cell> map = new HashMap<>();
        for (Cell c : cells) {
            map.put(c.key(), c);
        }
        this.cells = Map.copyOf(map);
        this.brands = brands;
    }

    public static FallbackTable empty() {
        return new FallbackTable(List.of(), BrandTable.empty());
    }

    public static FallbackTable loadDefault() {
        try (InputStream in = FallbackTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TierRulesException(DEFAULT_RESOURCE, "", "resource missing from the classpath");
            }
            return parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE, BrandTable.loadDefault());
        } catch (IOException e) {
            throw new TierRulesException(DEFAULT_RESOURCE, "", "cannot read: " + e.getMessage(), e);
        }
    }

    public static FallbackTable load(Path file) {
        try {
            return parse(Files.readString(file), file.toString(), BrandTable.loadDefault());
        } catch (IOException e) {
            throw new TierRulesException(file.toString(), "", "cannot read: " + e, e);
        }
    }

    public static FallbackTable parse(String text, String source, BrandTable brands) {
        List<Cell> cells = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("os,")) {
                continue;
            }
            String[] c = line.split(",", -1);
            Tier tier = c.length == 8 ? Tier.parse(c[4]) : null;
            try {
                if (tier == null) {
                    throw new NumberFormatException();
                }
                cells.add(new Cell(
                        c[0],
                        c[1],
                        c[2],
                        c[3],
                        tier,
                        Integer.parseInt(c[5]),
                        Integer.parseInt(c[6]),
                        Integer.parseInt(c[7])));
            } catch (NumberFormatException e) {
                faults.add("line " + (i + 1) + ": expected os,brand,form,os_version,tier,low,mid,high, got \"" + line
                        + "\"");
            }
        }
        if (!faults.isEmpty()) {
            throw new TierRulesException(
                    source, faults.get(0).substring(0, faults.get(0).indexOf(':')), faults);
        }
        return new FallbackTable(cells, brands);
    }

    /** The keys a case is counted under and looked up by, most specific first. */
    static List<String> keys(UserAgentFacts f, String brand) {
        String v = Integer.toString(f.osVersion());
        String band = band(f.osVersion());
        String word = word(f.model());
        return word == null
                ? List.of(
                        key(f.os(), brand, ANY, band),
                        key(f.os(), ANY, f.form(), v),
                        key(f.os(), ANY, ANY, v),
                        key(f.os(), ANY, f.form(), ANY),
                        key(f.os(), ANY, ANY, ANY))
                : List.of(
                        key(f.os(), brand + "+" + word, ANY, band),
                        key(f.os(), word, ANY, band),
                        key(f.os(), brand, ANY, band),
                        key(f.os(), ANY, f.form(), v),
                        key(f.os(), ANY, ANY, v),
                        key(f.os(), ANY, f.form(), ANY),
                        key(f.os(), ANY, ANY, ANY));
    }

    private static final java.util.regex.Pattern PREMIUM = java.util.regex.Pattern.compile(
            "(?i)(\\b|(?<=\\d))(pro|ultra|max|plus|fold|flip|edge|gt|turbo|speed|5g|uw)\\b|\\+");
    private static final java.util.regex.Pattern BUDGET = java.util.regex.Pattern.compile(
            "(?i)\\b(lite|go|play|mini|core|young|smart|e\\d{0,2}|a\\d{1,2}s?|c\\d{1,2})\\b");

    /** A word in the model's name that says where in a maker's range it sits, or null. */
    static String word(String model) {
        if (model == null) return null;
        if (BUDGET.matcher(model).find()) return "word:entry";
        if (PREMIUM.matcher(model).find()) return "word:upper";
        return null;
    }

    /** Version bands for maker keys: fewer, fuller cells than one per version. */
    static String band(int v) {
        if (v <= 0) return "?";
        if (v <= 4) return "1-4";
        if (v <= 6) return "5-6";
        if (v <= 8) return "7-8";
        if (v <= 10) return "9-10";
        if (v <= 12) return "11-12";
        return "13-99";
    }

    /** The most specific cell for these facts, or null. */
    public Cell find(UserAgentFacts f) {
        for (String key : keys(f, brands.brand(f.model()))) {
            Cell c = cells.get(key);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    public BrandTable brands() {
        return brands;
    }

    public List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    /** The table as CSV, sorted, with a header naming how it was made. */
    public String toCsv(String header) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("os,brand,form,os_version,tier,low,mid,high\n");
        cells.values().stream()
                .sorted(Comparator.comparing(Cell::os)
                        .thenComparing(Cell::brand)
                        .thenComparing(Cell::form)
                        .thenComparing(Cell::osVersion))
                .forEach(c -> out.append(c.csv()).append('\n'));
        return out.toString();
    }

    static String key(String os, String brand, String form, String version) {
        return os + '|' + brand + '|' + form + '|' + version;
    }
}
