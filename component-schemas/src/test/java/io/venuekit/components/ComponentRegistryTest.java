package io.venuekit.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentRegistryTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();

    @Test
    void listsTypesInNameOrderWithoutTheSharedFiles() {
        List<String> sorted = new ArrayList<>(REGISTRY.types());
        sorted.sort(null);
        assertEquals(sorted, REGISTRY.types());
        assertFalse(REGISTRY.contains("common"));
        assertFalse(REGISTRY.types().contains("component-file.schema"));
        assertEquals(REGISTRY.types().size(), REGISTRY.all().size());
    }

    @Test
    void findsByTypeAndAnswersEmptyForUnknownOrNull() {
        assertEquals("Product grid", REGISTRY.find("product-grid").orElseThrow().title());
        assertTrue(REGISTRY.find("nope").isEmpty());
        assertTrue(REGISTRY.find(null).isEmpty());
        assertFalse(REGISTRY.contains(null));
    }

    @Test
    void readsEveryPartOfAFile() {
        ComponentSchema video = REGISTRY.find("video").orElseThrow();
        assertEquals(List.of(new ComponentSchema.ImageSlot("/poster", "16:9")), video.images());
        assertEquals(16.0 / 9.0, video.images().get(0).ratio(), 1e-9);
        assertTrue(video.defaults().get("autoplay").asBoolean());
        assertEquals("image", video.fallback());
        assertEquals(ComponentSchema.Slots.NONE.allowed(), video.slots().allowed());

        ComponentSchema grid = REGISTRY.find("product-grid").orElseThrow();
        assertEquals(new ComponentSchema.Slots(List.of("product-card"), 1, 40), grid.slots());
        assertTrue(grid.slots().allows("product-card"));
        assertFalse(grid.slots().allows("image"));

        ComponentSchema waterfall = REGISTRY.find("product-waterfall").orElseThrow();
        assertEquals(
                new ComponentSchema.DataBinding("product-feed", "feedId"),
                waterfall.data().get("feed"));

        ComponentSchema coupon = REGISTRY.find("coupon-card").orElseThrow();
        assertEquals(2, coupon.version());
        assertEquals(1, coupon.migrations().get(0).from());
        assertEquals(3, coupon.migrations().get(0).ops().size());
    }

    @Test
    void imageAspectsAreEveryDeclaredShapeOnce() {
        List<String> shipped = REGISTRY.imageAspects();
        assertEquals(shipped.stream().distinct().toList(), shipped);
        for (ComponentSchema s : REGISTRY.all()) {
            s.images().forEach(slot -> assertTrue(shipped.contains(slot.aspect()), s.type() + " " + slot));
        }

        com.fasterxml.jackson.databind.node.ObjectNode file =
                REGISTRY.find("video").orElseThrow().file().deepCopy();
        file.put("type", "cinema-banner");
        ((com.fasterxml.jackson.databind.node.ObjectNode) file.get("images").get("/poster")).put("aspect", "21:9");
        List<ComponentSchema> schemas = new ArrayList<>(REGISTRY.all());
        schemas.add(SchemaFileReader.read(file));
        List<String> withWide = new ComponentRegistry(schemas).imageAspects();
        assertTrue(withWide.contains("21:9"), withWide.toString());
        assertEquals(shipped.size() + 1, withWide.size());
    }
}
