package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.migration.PageSnapshot;
import io.venuekit.device.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are never rewritten, so one published before a schema change is upgraded when served:
 * publish, bump the schema's version with a migration, serve. Also: experiment assignment needs no
 * shared state, so two renderers (two instances) give a user the same variant.
 */
class ServedMigrationTest {

    private static final ComponentRegistry NOW = GoldenLayoutTest.REGISTRY;

    /** rich-text one version on: {@code text} renamed {@code body}, with the migration that moves it. */
    private static ComponentRegistry bumped() {
        ComponentSchema was = NOW.find("rich-text").orElseThrow();
        ObjectNode props = was.props().deepCopy();
        ObjectNode properties = (ObjectNode) props.get("properties");
        properties.set("body", properties.remove("text"));
        props.putArray("required").add("body");
        List<ComponentSchema.Migration> migrations = new ArrayList<>(was.migrations());
        migrations.add(new ComponentSchema.Migration(
                was.version(),
                was.version() + 1,
                List.of(TestRegistry.MAPPER
                        .createObjectNode()
                        .put("op", "move")
                        .put("from", "/text")
                        .put("path", "/body"))));
        ComponentSchema next = new ComponentSchema(
                was.type(),
                was.version() + 1,
                was.title(),
                was.category(),
                was.icon(),
                was.description(),
                props,
                was.defaults(),
                was.images(),
                was.slots(),
                was.data(),
                was.tiers(),
                was.fallback(),
                migrations,
                was.file());
        List<ComponentSchema> all = new ArrayList<>(NOW.all());
        all.removeIf(s -> s.type().equals("rich-text"));
        all.add(next);
        return new ComponentRegistry(all);
    }

    private static ObjectNode published(ComponentRegistry at, String componentsJson) throws Exception {
        ObjectNode page =
                TestRegistry.MAPPER.createObjectNode().put("slug", "migrating").put("title", "Migrating");
        page.set("components", TestRegistry.MAPPER.readTree(componentsJson));
        ObjectNode snapshot = (ObjectNode) PageSnapshot.of(at, page).document();
        snapshot.put("pageId", "p-mig").put("number", 1);
        return snapshot;
    }

    @Test
    void aSnapshotPinnedToAnOlderVersionIsMigratedWhenServed() throws Exception {
        ObjectNode snapshot = published(
                NOW, "[{\"id\": \"rules\", \"type\": \"rich-text\", \"props\": {\"text\": \"Read **this**\"}}]");
        int pinned = snapshot.at("/components/0/version").asInt();
        ComponentRegistry later = bumped();
        JsonNode copy = snapshot.deepCopy();

        Layout layout = new LayoutRenderer(later)
                .render(snapshot, GoldenLayoutTest.profile(Tier.HIGH), Pages.ALL_WEBP, new TestAssets(), Pages.REQUEST);
        JsonNode props = layout.payload().at("/components/0/props");
        assertEquals(
                "Read **this**", props.path("body").asText(), layout.payload().toString());
        assertFalse(props.has("text"), "the old name is gone");
        assertTrue(
                LayoutSchemaCheck.compile(later).validate(layout.payload()).isEmpty(),
                "and the payload matches the new contract");
        assertEquals(copy, snapshot, "the stored snapshot is never rewritten");
        assertEquals(pinned, snapshot.at("/components/0/version").asInt());
    }

    @Test
    void twoInstancesAssignAUserTheSameVariant() throws Exception {
        ObjectNode snapshot = published(
                NOW,
                "[{\"id\": \"exp\", \"type\": \"experiment\", \"props\": {\"variants\": ["
                        + "{\"name\": \"a\", \"share\": 30}, {\"name\": \"b\", \"share\": 70}]}, \"children\": ["
                        + "{\"id\": \"ta\", \"type\": \"rich-text\", \"props\": {\"text\": \"A\"}},"
                        + "{\"id\": \"tb\", \"type\": \"rich-text\", \"props\": {\"text\": \"B\"}}]}]");
        LayoutRenderer one = new LayoutRenderer(NOW);
        LayoutRenderer two = new LayoutRenderer(ComponentRegistry.loadDefault());
        int b = 0;
        for (int u = 0; u < 400; u++) {
            RenderRequest request = Pages.REQUEST.withSubject("device-" + u);
            String first = variant(one, snapshot, request);
            assertEquals(first, variant(two, snapshot, request), "device-" + u);
            b += first.equals("b") ? 1 : 0;
        }
        assertTrue(b > 240 && b < 320, "about 70% see b: " + b + " of 400");
    }

    private static String variant(LayoutRenderer renderer, JsonNode snapshot, RenderRequest request) {
        Layout layout = LayoutSchemaCheck.valid(renderer.render(
                snapshot, GoldenLayoutTest.profile(Tier.MID), Pages.ALL_WEBP, new TestAssets(), request));
        return layout.payload().at("/components/0/tracking/variant").asText();
    }
}
