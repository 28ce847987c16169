package io.venuekit.device.hardware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts the device catalogue a publisher exports from the Google Play Console (Release >
 * Device catalog > Export) into the device table format. Columns are found by their header
 * names, in any order: manufacturer (or brand), model code (or, without one, model name),
 * marketing name, RAM (TotalMem), form factor, system on chip, Android SDK versions; others are
 * ignored. Play reports the memory the system sees (3,662 MB on a 4 GB phone), so it is rounded
 * up to the nearest size phones are sold with; the lowest SDK gives the launch year. A model
 * listed several times keeps its smallest memory.
 *
 * <pre>device-profiles/import-catalog.sh play-catalog.csv &gt; devices-play.csv</pre>
 */
public final class PlayCatalogImporter {

    private static final double[] SOLD_GB = {0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 10, 12, 16, 18, 24, 32};
    /** Year each SDK level was released. */
    private static final Map<Integer, Integer> SDK_YEAR = Map.ofEntries(
            Map.entry(14, 2011),
            Map.entry(15, 2011),
            Map.entry(16, 2012),
            Map.entry(17, 2012),
            Map.entry(18, 2013),
            Map.entry(19, 2014),
            Map.entry(21, 2014),
            Map.entry(22, 2015),
            Map.entry(23, 2015),
            Map.entry(24, 2016),
            Map.entry(25, 2016),
            Map.entry(26, 2017),
            Map.entry(27, 2017),
            Map.entry(28, 2018),
            Map.entry(29, 2019),
            Map.entry(30, 2020),
            Map.entry(31, 2021),
            Map.entry(32, 2022),
            Map.entry(33, 2022),
            Map.entry(34, 2023),
            Map.entry(35, 2024),
            Map.entry(36, 2025));

    private PlayCatalogImporter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println(
                    "usage: import-catalog.sh <play-console-device-catalog.csv>  (writes the device table to stdout)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String table =
                convert(text(Files.readAllBytes(file)), file.getFileName().toString());
        System.out.print(table);
        System.err.println(
                "converted " + (table.lines().filter(l -> !l.startsWith("#")).count() - 1) + " models from " + file);
    }

    /** True when this CSV text looks like a Play Console catalogue (by its header). */
    public static boolean looksLikeCatalog(String text) {
        for (String line : text.split("\r?\n", 20)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            return lower.contains("model name") || lower.contains("manufacturer");
        }
        return false;
    }

    /** Decodes a file's bytes: UTF-16 with a byte-order mark (as Play exports), else UTF-8. */
    public static String text(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The catalogue as device table CSV; rows without a model or with nothing known are left out. */
    public static String convert(String csv, String sourceName) {
        String[] lines = csv.split("\r?\n");
        int header = 0;
        while (header < lines.length && (lines[header].isBlank() || lines[header].startsWith("#"))) {
            header++;
        }
        if (header == lines.length) {
            throw new IllegalArgumentException(sourceName + ": no header line");
        }
        List<String> names = CsvLine.split(lines[header]);
        int maker = column(names, "manufacturer", "brand");
        int code = column(names, "model code");
        int modelName = column(names, "model name");
        int marketing = column(names, "marketing name");
        int ram = column(names, "ram");
        int form = column(names, "form factor");
        int soc = column(names, "system on chip", "soc");
        int sdk = column(names, "sdk");
        int modelCol = code >= 0 ? code : modelName;
        int nameCol = code >= 0 && modelName >= 0 ? modelName : marketing;
        if (modelCol < 0) {
            throw new IllegalArgumentException(sourceName + ": no \"Model Code\" or \"Model Name\" column in " + names);
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> c = CsvLine.split(lines[i]);
            String model = cell(c, modelCol);
            if (model.isEmpty() || model.contains(",") || model.endsWith("*")) {
                continue;
            }
            double gb = soldGb(cell(c, ram));
            String chip = cell(c, soc);
            int year = launchYear(cell(c, sdk));
            if (gb <= 0 && chip.isEmpty() && year == 0) {
                continue;
            }
            String key = DeviceTable.key(model);
            String[] previous = rows.get(key);
            if (previous != null && !previous[3].isEmpty() && gb > 0 && Double.parseDouble(previous[3]) <= gb) {
                continue;
            }
            rows.put(key, new String[] {
                clean(cell(c, maker)),
                clean(model),
                clean(cell(c, nameCol)),
                gb > 0 ? number(gb) : "",
                clean(chip),
                year > 0 ? Integer.toString(year) : "",
                form(cell(c, form)),
                "play-catalog:" + sourceName + ":" + (i + 1)
            });
        }
        StringBuilder out = new StringBuilder("# Converted from the Google Play Console device catalogue " + sourceName
                + " by device-profiles/import-catalog.sh\nbrand,model,name,ram_gb,soc,year,form,source\n");
        rows.values().forEach(r -> out.append(String.join(",", r)).append('\n'));
        return out.toString();
    }

    private static int column(List<String> names, String... wanted) {
        for (String w : wanted) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).toLowerCase(Locale.ROOT).contains(w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String cell(List<String> c, int i) {
        return i < 0 || i >= c.size() ? "" : c.get(i).strip();
    }

    /** "3,662MB", "1740-1870MB", "4 GB", "3662": the smallest figure, rounded up to a size phones are sold with. */
    static double soldGb(String ram) {
        String v = ram.toLowerCase(Locale.ROOT).replace(",", "").replace(" ", "");
        if (v.isEmpty()) {
            return 0;
        }
        boolean gb = v.contains("gb");
        double smallest = Double.MAX_VALUE;
        for (String part : v.replace("gb", "").replace("mb", "").split("[-/]")) {
            try {
                smallest = Math.min(smallest, Double.parseDouble(part));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        double total = gb || smallest <= 64 ? smallest : smallest / 1024;
        for (double sold : SOLD_GB) {
            if (total <= sold * 1.001) {
                return sold;
            }
        }
        return total;
    }

    /** The lowest SDK level in "28-33", "30,31,33" or "29": the year it came out, 0 when unknown. */
    static int launchYear(String sdks) {
        int lowest = Integer.MAX_VALUE;
        for (String part : sdks.split("[^0-9]+")) {
            if (!part.isEmpty() && part.length() <= 3) {
                lowest = Math.min(lowest, Integer.parseInt(part));
            }
        }
        return lowest == Integer.MAX_VALUE ? 0 : SDK_YEAR.getOrDefault(lowest, lowest < 14 ? 2010 : 0);
    }

    private static String form(String f) {
        String lower = f.toLowerCase(Locale.ROOT);
        return lower.contains("tablet") ? "tablet" : lower.contains("phone") ? "phone" : "";
    }

    private static String clean(String s) {
        return s.replace(",", " ").replace("\"", "").strip();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
