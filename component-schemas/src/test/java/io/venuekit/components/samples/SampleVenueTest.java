package io.venuekit.components.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.validation.PageValidator;
import io.venuekit.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SampleVenueTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();
    private static final PageValidator VALIDATOR = new PageValidator(REGISTRY);
    private static final Predicate<String> SAMPLE_ASSETS = id -> id.startsWith(SampleVenue.ASSET_PREFIX)
            && SampleVenue.IMAGE_NAMES.contains(id.substring(SampleVenue.ASSET_PREFIX.length()));

    @Test
    void sampleVenueHasNoViolations() {
        List<Fault> violations = VALIDATOR.validate(SampleVenue.load(), SAMPLE_ASSETS);
        assertEquals(List.of(), violations);
    }

    @Test
    void sampleVenueIsARealisticPage() {
        JsonNode page = SampleVenue.load();
        List<JsonNode> all = new ArrayList<>();
        collect(page.path("components"), all);
        Set<String> types = new TreeSet<>();
        all.forEach(c -> types.add(c.path("type").asText()));

        assertTrue(all.size() >= 40, "components: " + all.size());
        assertTrue(types.size() >= 10, "types: " + types);
        assertTrue(
                types.containsAll(List.of(
                        "section",
                        "tabs",
                        "countdown",
                        "coupon-card",
                        "product-card",
                        "video",
                        "showcase-3d",
                        "live-card",
                        "product-waterfall",
                        "image")),
                "types: " + types);
        assertEquals("double11-main", page.path("slug").asText());
    }

    @Test
    void sampleVenueUsesOnlyTheListedImageNames() {
        Set<String> assets = new TreeSet<>();
        collectAssets(SampleVenue.load(), assets);
        Set<String> names = new TreeSet<>();
        assets.forEach(a -> {
            assertTrue(a.startsWith(SampleVenue.ASSET_PREFIX), a);
            names.add(a.substring(SampleVenue.ASSET_PREFIX.length()));
        });
        assertEquals(new TreeSet<>(SampleVenue.IMAGE_NAMES), names);
        assertTrue(names.size() <= 12);
    }

    @Test
    void sampleVenueWithoutItsImagesReportsDanglingAssets() {
        List<Fault> violations = VALIDATOR.validate(SampleVenue.load(), id -> false);
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().allMatch(v -> v.code().equals("dangling-asset")), violations.toString());
    }

    @Test
    void generatedThousandComponentPageIsValid() {
        JsonNode page = SampleVenue.generate(1000);
        List<JsonNode> all = new ArrayList<>();
        collect(page.path("components"), all);

        assertEquals(1000, all.size());
        assertEquals(List.of(), VALIDATOR.validate(page, SAMPLE_ASSETS));
    }

    @Test
    void generatedPageHasExactlyTheAskedSize() {
        for (int n : new int[] {1, 24, 25, 26, 137}) {
            List<JsonNode> all = new ArrayList<>();
            collect(SampleVenue.generate(n).path("components"), all);
            assertEquals(n, all.size());
        }
        assertThrows(IllegalArgumentException.class, () -> SampleVenue.generate(0));
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("children"), into);
        }
    }

    private static void collectAssets(JsonNode node, Set<String> into) {
        if (node.isObject() && node.path("asset").isTextual()) {
            into.add(node.get("asset").asText());
        }
        node.forEach(child -> collectAssets(child, into));
    }
}
