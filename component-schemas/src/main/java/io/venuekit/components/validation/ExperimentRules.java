package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.faults.Fault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an {@code experiment} component's schema cannot say about its variants: one child per
 * variant (the variant's name and share sit at the same index as the child that shows it), shares
 * adding up to 100, and names unique, since events and the payload name the variant.
 */
final class ExperimentRules {

    static final String TYPE = "experiment";

    private ExperimentRules() {}

    /** @param pointer the experiment component's pointer */
    static List<Fault> check(JsonNode experiment, String pointer, String id) {
        List<Fault> found = new ArrayList<>();
        JsonNode variants = experiment.path("props").path("variants");
        if (!variants.isArray()) {
            return found; // the props schema says so
        }
        int sum = 0;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            JsonNode v = variants.get(i);
            sum += v.path("share").canConvertToInt() ? v.path("share").asInt() : 0;
            String name = v.path("name").asText("");
            if (!name.isEmpty() && !names.add(name)) {
                found.add(PageFaults.at(
                        pointer + "/props/variants/" + i + "/name",
                        id,
                        TYPE,
                        "duplicate-variant",
                        "Variant name '" + name + "' is used twice; each variant needs its own name"));
            }
        }
        if (sum != 100) {
            found.add(PageFaults.at(
                    pointer + "/props/variants",
                    id,
                    TYPE,
                    "shares-not-100",
                    "The variants' traffic shares add up to " + sum + "; they must add up to 100"));
        }
        int children = experiment.path("children").size();
        if (children != variants.size()) {
            found.add(PageFaults.at(
                    pointer + "/children",
                    id,
                    TYPE,
                    "variant-count",
                    "The experiment has " + variants.size() + " variants and " + children
                            + " children; put one child per variant, in the variants' order"));
        }
        return found;
    }
}
