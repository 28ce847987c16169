package io.venuekit.components.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.validation.PageFaults;
import io.venuekit.components.validation.PageValidator;
import io.venuekit.faults.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentMigratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();
    private static final ComponentMigrator MIGRATOR = new ComponentMigrator(REGISTRY);
    private static final PageValidator VALIDATOR = new PageValidator(REGISTRY);

    /** A page saved while hero-banner, rich-text, coupon-card and tabs were at version 1. */
    private static final String OLD_PAGE = """
            {"slug": "old-page", "title": "Saved last year", "components": [
              {"id": "hero", "type": "hero-banner", "version": 1, "props": {"image": {"asset": "a1"}, "headline": "Double 11"}},
              {"id": "rules", "type": "rich-text", "version": 1, "props": {"content": "One coupon per user"}},
              {"id": "coupon", "type": "coupon-card", "version": 1, "props": {"poolId": "pool-1", "amountCents": 5000, "currency": "CNY"}},
              {"id": "tabs", "type": "tabs", "version": 1, "props": {"activeIndex": 1}, "children": [
                {"id": "t1", "type": "section", "version": 1, "props": {"title": "A"}, "children": [{"id": "g1", "type": "spacer", "props": {}}]},
                {"id": "t2", "type": "section", "version": 1, "props": {"title": "B"}, "children": [{"id": "g2", "type": "spacer", "props": {}}]}]}
            ]}""";

    @Test
    void pageSavedWithOlderVersionsStillValidates() {
        assertEquals(List.of(), VALIDATOR.validate(json(OLD_PAGE)));
    }

    @Test
    void pageSavedWithOlderVersionsIsUpgradedByTheDeclaredMigrations() {
        JsonNode upgraded = MIGRATOR.upgradePage(json(OLD_PAGE));
        assertEquals(json("""
                {"version": 2, "props": {"image": {"asset": "a1"}, "title": "Double 11"}}"""), pick(upgraded.at("/components/0")));
        assertEquals(json("""
                {"version": 2, "props": {"text": "One coupon per user", "format": "plain"}}"""), pick(upgraded.at("/components/1")));
        assertEquals(json("""
                {"version": 2, "props": {"poolId": "pool-1", "amount": {"cents": 5000, "currency": "CNY"}}}"""), pick(upgraded.at("/components/2")));
        assertEquals(json("""
                {"version": 2, "props": {"initialTab": 1}}"""), pick(upgraded.at("/components/3")));
        assertEquals(1, upgraded.at("/components/3/children/0/version").asInt());
        assertEquals(List.of(), VALIDATOR.validate(upgraded));
    }

    @Test
    void neverChangesItsInput() {
        JsonNode page = json(OLD_PAGE);
        JsonNode before = page.deepCopy();
        MIGRATOR.upgradePage(page);
        MIGRATOR.upgradeComponent(page.at("/components/0"));
        MIGRATOR.upgradeProps(schema("hero-banner"), 1, page.at("/components/0/props"));
        assertEquals(before, page);
    }

    @Test
    void optionalFieldsLeftOutOfOldPropsDoNotBreakTheMigration() {
        ObjectNode props = MIGRATOR.upgradeProps(schema("tabs"), 1, json("{\"style\": \"pill\"}"));
        assertEquals(json("{\"style\": \"pill\"}"), props);
    }

    @Test
    void faultsFoundAfterUpgradingSaySo() {
        List<Fault> violations = VALIDATOR.validate(json("""
                {"slug": "old-page", "title": "Old", "components": [
                  {"id": "hero", "type": "hero-banner", "version": 1, "props": {"image": {"asset": "a1"}, "headline": "This headline is far too long for a hero banner slot"}}]}"""));
        assertEquals(
                List.of(
                        PageFaults.at(
                                "/components/0/props/title",
                                "hero",
                                "hero-banner",
                                "maxLength",
                                "Headline must be at most 40 characters, got 52 (after upgrading the props from version 1 to 2)")),
                violations);
    }

    @Test
    void refusesPropsNewerThanTheSchema() {
        MigrationException e = assertThrows(
                MigrationException.class, () -> MIGRATOR.upgradeProps(schema("hero-banner"), 3, json("{}")));
        assertEquals(
                "hero-banner props cannot be upgraded from version 3 to 2: the props are newer than the schema",
                e.getMessage());
        JsonNode page = json("""
                {"slug": "new-page", "title": "From the future", "components": [
                  {"id": "hero", "type": "hero-banner", "version": 3, "props": {"image": {"asset": "a1"}, "title": "Hi"}}]}""");
        assertEquals(page, MIGRATOR.upgradePage(page), "left as written for the validator to report");
        assertEquals("version-too-new", VALIDATOR.validate(page).get(0).code());
    }

    @Test
    void reportsAMissingStepAndAnOperationThatCannotApply() {
        ComponentSchema base = schema("rich-text");
        ComponentSchema gap = withMigrations(base, 3, List.of(base.migrations().get(0)));
        MigrationException missing = assertThrows(
                MigrationException.class, () -> MIGRATOR.upgradeProps(gap, 1, json("{\"content\": \"x\"}")));
        assertTrue(missing.getMessage().endsWith("no migration declared from version 2"), missing.getMessage());

        ComponentSchema throughNumber = withMigrations(
                base,
                2,
                List.of(new ComponentSchema.Migration(
                        1, 2, List.of(json("{\"op\": \"add\", \"path\": \"/size/inner\", \"value\": 1}")))));
        MigrationException blocked = assertThrows(
                MigrationException.class, () -> MIGRATOR.upgradeProps(throughNumber, 1, json("{\"size\": 3}")));
        assertTrue(
                blocked.getMessage().contains("goes through a missing or plain value at 'size'"), blocked.getMessage());
    }

    @Test
    void appliesEveryPatchOperation() {
        ComponentSchema all = withMigrations(
                schema("rich-text"),
                2,
                List.of(new ComponentSchema.Migration(
                        1,
                        2,
                        List.of(
                                json("{\"op\": \"copy\", \"from\": \"/a\", \"path\": \"/b\"}"),
                                json("{\"op\": \"replace\", \"path\": \"/a\", \"value\": 2}"),
                                json("{\"op\": \"add\", \"path\": \"/list/0\", \"value\": \"first\"}"),
                                json("{\"op\": \"add\", \"path\": \"/list/-\", \"value\": \"last\"}"),
                                json("{\"op\": \"remove\", \"path\": \"/gone\"}"),
                                json("{\"op\": \"move\", \"from\": \"/old\", \"path\": \"/nested/new\"}"),
                                json("{\"op\": \"replace\", \"path\": \"/absent\", \"value\": true}")))));
        ObjectNode result =
                MIGRATOR.upgradeProps(all, 1, json("{\"a\": 1, \"list\": [\"mid\"], \"gone\": 0, \"old\": \"v\"}"));
        assertEquals(
                json(
                        "{\"a\": 2, \"list\": [\"first\", \"mid\", \"last\"], \"b\": 1, \"nested\": {\"new\": \"v\"}, \"absent\": true}"),
                result);
    }

    @Test
    void snapshotPinsTheVersionsOfTheTypesItUses() {
        PageSnapshot snapshot = PageSnapshot.of(REGISTRY, json(OLD_PAGE));
        assertEquals(
                Map.of("hero-banner", 2, "rich-text", 2, "coupon-card", 2, "tabs", 2, "section", 1, "spacer", 1),
                snapshot.componentVersions());
        assertEquals(
                "Double 11", snapshot.document().at("/components/0/props/title").asText());
        assertEquals(
                1,
                snapshot.document()
                        .at("/components/3/children/0/children/0/version")
                        .asInt(),
                "versions are written out");
    }

    private static JsonNode pick(JsonNode component) {
        ObjectNode picked = MAPPER.createObjectNode();
        picked.set("version", component.get("version"));
        picked.set("props", component.get("props"));
        return picked;
    }

    private static ComponentSchema schema(String type) {
        return REGISTRY.find(type).orElseThrow();
    }

    private static ComponentSchema withMigrations(
            ComponentSchema s, int version, List<ComponentSchema.Migration> migrations) {
        return new ComponentSchema(
                s.type(),
                version,
                s.title(),
                s.category(),
                s.icon(),
                s.description(),
                s.props(),
                s.defaults(),
                s.images(),
                s.slots(),
                s.data(),
                s.tiers(),
                s.fallback(),
                migrations,
                s.file());
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
