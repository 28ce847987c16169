package io.venuekit.renderer;

import static io.venuekit.renderer.Pages.ALL_WEBP;
import static io.venuekit.renderer.Pages.REQUEST;
import static io.venuekit.renderer.Pages.component;
import static io.venuekit.renderer.Pages.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First screen plus cursor: every shown component arrives exactly once, in document order. */
class PagingTest {

    private final LayoutRenderer renderer = new LayoutRenderer(TestRegistry.load());
    private final TestAssets assets = new TestAssets();

    /** 20 images with a lazy feed at index 6 and a targeted image that this request does not see. */
    private ObjectNode venue() {
        List<JsonNode> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(i == 6 ? component("feed", "promo-feed", "{\"feedId\": \"f1\"}") : TierPolicyTest.image("c" + i));
        }
        ObjectNode hidden = (ObjectNode) list.get(12);
        hidden.putObject("targeting").putArray("audiences").add("vip");
        return Pages.snapshot(list.toArray(new JsonNode[0]));
    }

    private List<JsonNode> allPages(Tier tier, List<Integer> sizes) {
        ObjectNode snapshot = venue();
        List<JsonNode> seen = new ArrayList<>();
        Layout layout = renderer.render(snapshot, profile(tier), ALL_WEBP, assets, REQUEST);
        while (true) {
            LayoutSchemaCheck.valid(layout);
            sizes.add(layout.payload().get("components").size());
            layout.payload().get("components").forEach(seen::add);
            if (layout.next().isEmpty()) {
                assertTrue(layout.payload().get("next").isNull());
                return seen;
            }
            assertEquals(layout.next().get(), layout.payload().get("next").asText());
            layout = renderer.page(
                    snapshot,
                    profile(tier),
                    ALL_WEBP,
                    assets,
                    REQUEST,
                    layout.next().get());
        }
    }

    private static List<String> ids(List<JsonNode> components) {
        return components.stream().map(c -> c.get("id").asText()).toList();
    }

    private static List<String> expectedIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(i == 6 ? "feed" : "c" + i);
        }
        ids.remove("c12");
        return ids;
    }

    @Test
    void lowTierGetsFourModulesAPage() {
        List<Integer> sizes = new ArrayList<>();
        assertEquals(expectedIds(), ids(allPages(Tier.LOW, sizes)));
        assertEquals(List.of(4, 4, 4, 4, 3), sizes);
    }

    @Test
    void lazyModulesNeverReachTheFirstPage() {
        List<Integer> sizes = new ArrayList<>();
        assertEquals(expectedIds(), ids(allPages(Tier.MID, sizes)));
        assertEquals(6, sizes.get(0), "the first page stops before the lazy feed");
        assertEquals(List.of(6, 8, 5), sizes);
    }

    @Test
    void highTierGetsSixteenUpFront() {
        List<Integer> sizes = new ArrayList<>();
        assertEquals(expectedIds(), ids(allPages(Tier.HIGH, sizes)));
        assertEquals(List.of(16, 3), sizes);
    }

    @Test
    void aModuleHoldingALazyComponentIsDeferredWhole() {
        ObjectNode snapshot = Pages.snapshot(
                TierPolicyTest.image("a"),
                TierPolicyTest.image("b"),
                component("box", "promo-box", "{}", component("feed", "promo-feed", "{}")),
                TierPolicyTest.image("c"));
        Layout low = renderer.render(snapshot, profile(Tier.LOW), ALL_WEBP, assets, REQUEST);
        assertEquals("[a, b]", ids(listOf(low.payload().get("components"))).toString());
        Layout rest = renderer.page(
                snapshot,
                profile(Tier.LOW),
                ALL_WEBP,
                assets,
                REQUEST,
                low.next().orElseThrow());
        assertEquals("[box, c]", ids(listOf(rest.payload().get("components"))).toString());
        assertEquals(
                4,
                renderer.render(snapshot, profile(Tier.HIGH), ALL_WEBP, assets, REQUEST)
                        .payload()
                        .get("components")
                        .size(),
                "high tier declares no lazy");
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    @Test
    void aPageWhoseRestIsHiddenHasNoNext() {
        ObjectNode hidden = TierPolicyTest.image("h").deepCopy();
        hidden.putObject("targeting").putArray("regions").add("JP");
        ObjectNode snapshot = Pages.snapshot(
                TierPolicyTest.image("a"),
                TierPolicyTest.image("b"),
                TierPolicyTest.image("c"),
                TierPolicyTest.image("d"),
                hidden);
        Layout layout = renderer.render(snapshot, profile(Tier.LOW), ALL_WEBP, assets, REQUEST);
        assertEquals(4, layout.payload().get("components").size());
        assertFalse(layout.next().isPresent());
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        ObjectNode snapshot = venue();
        InvalidCursorException e = assertThrows(
                InvalidCursorException.class,
                () -> renderer.page(snapshot, profile(Tier.LOW), ALL_WEBP, assets, REQUEST, "not-a-cursor"));
        assertEquals("invalid-cursor", e.code());
        assertThrows(
                InvalidCursorException.class,
                () -> renderer.page(snapshot, profile(Tier.LOW), ALL_WEBP, assets, REQUEST, "%%%"));
        assertThrows(
                InvalidCursorException.class,
                () -> renderer.page(
                        snapshot,
                        profile(Tier.LOW),
                        ALL_WEBP,
                        assets,
                        REQUEST,
                        new Cursor("p1", 7, "low", 99).encode()));
    }

    @Test
    void rejectsACursorFromAnotherVersionOrTier() {
        ObjectNode snapshot = venue();
        String next = renderer.render(snapshot, profile(Tier.LOW), ALL_WEBP, assets, REQUEST)
                .next()
                .orElseThrow();
        InvalidCursorException tier = assertThrows(
                InvalidCursorException.class,
                () -> renderer.page(snapshot, profile(Tier.HIGH), ALL_WEBP, assets, REQUEST, next));
        assertTrue(tier.getMessage().contains("tier low"), tier.getMessage());
        ObjectNode republished = snapshot.deepCopy().put("number", 8);
        InvalidCursorException version = assertThrows(
                InvalidCursorException.class,
                () -> renderer.page(republished, profile(Tier.LOW), ALL_WEBP, assets, REQUEST, next));
        assertTrue(version.getMessage().contains("version 7"), version.getMessage());
    }

    @Test
    void cursorsAreOpaqueUrlSafeText() {
        String next = renderer.render(venue(), profile(Tier.LOW), ALL_WEBP, assets, REQUEST)
                .next()
                .orElseThrow();
        assertTrue(next.matches("[A-Za-z0-9_-]+"), next);
    }
}
