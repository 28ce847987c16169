package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.html.HtmlRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every real component type and tier: a page holding the type's first valid example (with
 * children made from the examples of the types its slot allows) rendered to JSON, compared in
 * full with {@code golden/json/<type>.<tier>.json}; and to HTML, with
 * {@code golden/html/<type>.<tier>.html}. Regenerate: see {@link GoldenFiles}.
 */
class GoldenLayoutTest {

    static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();
    private final LayoutRenderer renderer = new LayoutRenderer(REGISTRY);
    private final HtmlRenderer html = new HtmlRenderer();

    @TestFactory
    List<DynamicTest> everyTypeOnEveryTier() {
        assertFalse(REGISTRY.types().isEmpty(), "no component schemas on the classpath");
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : REGISTRY.types()) {
            for (Tier tier : Tier.values()) {
                tests.add(DynamicTest.dynamicTest(type + " on " + tier.id(), () -> {
                    Layout layout = LayoutSchemaCheck.valid(renderer.render(
                            Pages.snapshot(example(type, 0)),
                            profile(tier),
                            Pages.ALL_WEBP,
                            new TestAssets(),
                            Pages.REQUEST));
                    GoldenFiles.assertMatches(
                            "json/" + type + "." + tier.id() + ".json",
                            layout.payload().toPrettyString() + "\n");
                    String page = html.render(layout);
                    int imgs = page.split("<img ", -1).length - 1;
                    assertTrue(
                            imgs <= imageCount(layout.payload()),
                            "each resolved image appears at most once: " + imgs + " <img>");
                    String[] afterImg = page.split("<img ", -1);
                    for (int i = 1; i < afterImg.length; i++) {
                        String attrs = afterImg[i].substring(0, afterImg[i].indexOf('>'));
                        assertTrue(
                                attrs.contains("alt=") && attrs.contains("width=") && attrs.contains("height="),
                                "every <img> has alt, width and height for layout before the bytes: " + attrs);
                    }
                    GoldenFiles.assertMatches("html/" + type + "." + tier.id() + ".html", page);
                }));
            }
        }
        return tests;
    }

    private static int imageCount(JsonNode node) {
        if (node.isObject() && node.has("url") && node.has("w")) {
            return 1;
        }
        int n = 0;
        for (JsonNode child : node) {
            n += imageCount(child);
        }
        return n;
    }

    static DeviceProfile profile(Tier tier) {
        return new DeviceProfile(
                tier, tier, List.of("golden"), "android", 14, null, 3.0, 375, null, false, false, Set.of());
    }

    /** A component of {@code type} from its first valid example, with a few example children. */
    static ObjectNode example(String type, int depth) {
        return example(type, type, depth);
    }

    private static ObjectNode example(String id, String type, int depth) {
        ComponentSchema schema = REGISTRY.find(type).orElseThrow();
        JsonNode props = schema.file().path("examples").path("valid").path(0).path("props");
        List<JsonNode> children = new ArrayList<>();
        if (schema.slots().max() > 0 && depth < 2) {
            String childType = childType(schema);
            int count = Math.min(schema.slots().max(), Math.max(schema.slots().min(), 4));
            for (int i = 0; i < count && childType != null; i++) {
                children.add(example(id + "-" + i, childType, depth + 1));
            }
        }
        ObjectNode c = Pages.component(
                id, type, props.isObject() ? props.toString() : "{}", children.toArray(new JsonNode[0]));
        c.put("version", schema.version());
        return c;
    }

    /** The first allowed type that takes no children, else the first allowed type. */
    private static String childType(ComponentSchema schema) {
        List<String> allowed = schema.slots().allowed().contains("*")
                ? REGISTRY.types()
                : schema.slots().allowed();
        for (String t : allowed) {
            if (REGISTRY.find(t).map(s -> s.slots().max() == 0).orElse(false)) {
                return t;
            }
        }
        return allowed.stream().filter(REGISTRY::contains).findFirst().orElse(null);
    }
}
