package io.venuekit.device.ua;

import io.venuekit.device.TierRulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The maker of a model token, from each maker's model code shapes ({@code brands.csv}:
 * {@code brand,pattern}; first match wins). {@code other} for a model no pattern knows,
 * {@code none} when the User-Agent names no model.
 */
public final class BrandTable {

    public static final String DEFAULT_RESOURCE = "/venuekit/device/brands.csv";

    private record Brand(String name, Pattern pattern) {}

    private final List<Brand> brands;

    private BrandTable(List<Brand> brands) {
        this.brands = List.copyOf(brands);
    }

    public static BrandTable empty() {
        return new BrandTable(List.of());
    }

    public static BrandTable loadDefault() {
        try (InputStream in = BrandTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TierRulesException(DEFAULT_RESOURCE, "", "resource missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new TierRulesException(DEFAULT_RESOURCE, "", "cannot read: " + e.getMessage(), e);
        }
    }

    public static BrandTable parse(String text, String source) {
        List<Brand> brands = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("brand,")) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma <= 0) {
                faults.add("line " + (i + 1) + ": expected brand,pattern, got \"" + line + "\"");
                continue;
            }
            try {
                brands.add(new Brand(
                        line.substring(0, comma).strip(),
                        Pattern.compile(line.substring(comma + 1).strip(), Pattern.CASE_INSENSITIVE)));
            } catch (PatternSyntaxException e) {
                faults.add("line " + (i + 1) + ": not a valid regular expression: " + e.getDescription());
            }
        }
        if (!faults.isEmpty()) {
            throw new TierRulesException(
                    source, faults.get(0).substring(0, faults.get(0).indexOf(':')), faults);
        }
        return new BrandTable(brands);
    }

    /** The maker's name, {@code other}, or {@code none} for no model. */
    public String brand(String model) {
        if (model == null || model.isEmpty()) {
            return "none";
        }
        for (Brand b : brands) {
            if (b.pattern().matcher(model).lookingAt()) {
                return b.name();
            }
        }
        return "other";
    }
}
