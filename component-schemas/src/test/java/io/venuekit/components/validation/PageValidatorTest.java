package io.venuekit.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.faults.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();
    private static final PageValidator VALIDATOR = new PageValidator(REGISTRY);

    @Test
    void acceptsAMinimalPage() {
        assertEquals(List.of(), VALIDATOR.validate(page("""
                {"id": "hero", "type": "hero-banner", "version": 2, "props": {"image": {"asset": "a1"}, "title": "Double 11"}}""")));
    }

    @Test
    void reportsTooLongTextWithTheLimitAndWhatArrived() {
        Fault v = single(page("""
                {"id": "hero", "type": "hero-banner", "version": 2,
                 "props": {"image": {"asset": "a1"}, "title": "This headline is far too long for a hero banner slot"}}"""));
        assertEquals(
                PageFaults.at(
                                "/components/0/props/title",
                                "hero",
                                "hero-banner",
                                "maxLength",
                                "Headline must be at most 40 characters, got 52")
                        .withValues("at most 40 characters", "52 characters"),
                v);
    }

    @Test
    void rejectsUnknownComponentType() {
        Fault v = single(page("""
                {"id": "x", "type": "banner-xl", "props": {}}"""));
        assertEquals("/components/0/type", v.pointer());
        assertEquals("unknown-type", v.code());
        assertTrue(
                v.message().startsWith("Unknown component type 'banner-xl'; known types: anchor-nav, carousel,"),
                v.message());
    }

    @Test
    void rejectsDuplicateIdsAnywhereInTheTree() {
        Fault v = single(page("""
                {"id": "a", "type": "spacer", "props": {}},
                {"id": "box", "type": "section", "props": {}, "children": [{"id": "a", "type": "spacer", "props": {}}]}"""));
        assertEquals(
                PageFaults.at(
                        "/components/1/children/0/id",
                        "a",
                        "spacer",
                        "duplicate-id",
                        "Component id 'a' is already used by the component at /components/0; ids must be unique in the page"),
                v);
    }

    @Test
    void rejectsAChildTypeTheParentDoesNotAllow() {
        Fault v = single(page("""
                {"id": "grid", "type": "product-grid", "props": {}, "children": [
                  {"id": "p1", "type": "product-card", "props": {"productId": "sku-1"}},
                  {"id": "pic", "type": "image", "props": {"image": {"asset": "a1"}}}]}"""));
        assertEquals(
                PageFaults.at(
                        "/components/0/children/1",
                        "pic",
                        "image",
                        "bad-nesting",
                        "A Product grid may hold only Product card; Image is not allowed here"),
                v);
    }

    @Test
    void rejectsTooManyChildren() {
        ObjectNode grid = component("grid", "product-grid", "{}");
        ArrayNode cards = grid.putArray("children");
        for (int i = 0; i < 41; i++) {
            cards.add(component("p" + i, "product-card", "{\"productId\": \"sku-" + i + "\"}"));
        }
        Fault v = single(pageOf(grid));
        assertEquals(
                PageFaults.at(
                        "/components/0/children",
                        "grid",
                        "product-grid",
                        "too-many-children",
                        "A Product grid may hold at most 40 product cards, got 41"),
                v);
    }

    @Test
    void rejectsChildrenOnALeafAndTooFewChildren() {
        List<Fault> violations = VALIDATOR.validate(page("""
                {"id": "gap", "type": "spacer", "props": {}, "children": [{"id": "inner", "type": "spacer", "props": {}}]},
                {"id": "tabs", "type": "tabs", "version": 2, "props": {}, "children": [
                  {"id": "only", "type": "section", "props": {"title": "All"}, "children": [{"id": "g2", "type": "spacer", "props": {}}]}]}"""));
        assertEquals(
                List.of(
                        PageFaults.at(
                                "/components/0/children",
                                "gap",
                                "spacer",
                                "too-many-children",
                                "A Spacer / divider holds no children, got 1"),
                        PageFaults.at(
                                "/components/1/children",
                                "tabs",
                                "tabs",
                                "too-few-children",
                                "A Tabs needs at least 2 sections, got 1")),
                violations);
    }

    @Test
    void reportsMissingRequiredPropsByTheirTitle() {
        Fault v = single(page("""
                {"id": "pic", "type": "image", "props": {"caption": "Sale"}}"""));
        assertEquals(PageFaults.at("/components/0/props/image", "pic", "image", "required", "Picture is required"), v);
    }

    @Test
    void reportsWrongTypes() {
        Fault v = single(page("""
                {"id": "c", "type": "carousel", "props": {"autoplay": "yes"}, "children": [{"id": "i", "type": "image", "props": {"image": {"asset": "a"}}}]}"""));
        assertEquals(
                PageFaults.at(
                                "/components/0/props/autoplay",
                                "c",
                                "carousel",
                                "type",
                                "Advance slides automatically must be true or false, got the text \"yes\"")
                        .withValues("true or false", "the text \"yes\""),
                v);
    }

    @Test
    void reportsOutOfRangeValuesInsideSharedDefinitions() {
        Fault v = single(page("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1", "focus": {"x": 1.4, "y": 0.5}}}}"""));
        assertEquals(
                PageFaults.at(
                                "/components/0/props/image/focus/x",
                                "pic",
                                "image",
                                "maximum",
                                "Focus x must be at most 1, got 1.4")
                        .withValues("at most 1", "1.4"),
                v);
    }

    @Test
    void namesArrayItemsByPosition() {
        Fault v = single(page("""
                {"id": "nav", "type": "anchor-nav", "props": {"items": [{"label": "Deals", "target": "a"}, {"label": "Big brand day", "target": "b"}]}},
                {"id": "a", "type": "spacer", "props": {}}, {"id": "b", "type": "spacer", "props": {}}"""));
        assertEquals(
                PageFaults.at(
                                "/components/0/props/items/1/label",
                                "nav",
                                "anchor-nav",
                                "maxLength",
                                "Anchor label (Anchors, item 2) must be at most 8 characters, got 13")
                        .withValues("at most 8 characters", "13 characters"),
                v);
    }

    @Test
    void listsTheKnownPropertiesForAnUnknownOne() {
        Fault v = single(page("""
                {"id": "hero", "type": "hero-banner", "props": {"image": {"asset": "a1"}, "title": "Hi", "headline": "Hi"}}"""));
        assertEquals(
                PageFaults.at(
                        "/components/0/props/headline",
                        "hero",
                        "hero-banner",
                        "additionalProperties",
                        "Hero banner has no property 'headline'; known properties: image, title, subtitle, link, animated, action"),
                v);
    }

    @Test
    void explainsPatternsWithAnExample() {
        Fault v = single(page("""
                {"id": "v", "type": "video", "props": {"src": "http://cdn.example.com/a.mp4", "poster": {"asset": "a1"}}}"""));
        assertEquals(
                PageFaults.at(
                        "/components/0/props/src",
                        "v",
                        "video",
                        "pattern",
                        "Video address must look like https://cdn.example.com/v/intro.mp4, got \"http://cdn.example.com/a.mp4\""),
                v);
    }

    @Test
    void prefersThePropertysOwnExampleAndNamesDependentFields() {
        List<Fault> violations = VALIDATOR.validateProps("coupon-card", json("""
                {"poolId": "pool 1", "amount": {"cents": 100}}"""));
        assertEquals(
                List.of(PageFaults.at(
                        "/poolId",
                        null,
                        "coupon-card",
                        "pattern",
                        "Coupon pool must look like pool-d11-50, got \"pool 1\"")),
                violations);
        violations = VALIDATOR.validateProps("image", json("""
                {"image": {"asset": "a1", "focus": {"x": 0.1, "y": 0.1, "w": 0.5}}}"""));
        assertEquals(
                List.of(PageFaults.at(
                        "/image/focus", null, "image", "dependentRequired", "Focus needs 'h' when 'w' is given")),
                violations);
    }

    @Test
    void reportsDanglingAssetReferencesWhenAskedTo() {
        JsonNode page = page("""
                {"id": "shop", "type": "shop-card", "props": {"shopId": "s1", "logo": {"asset": "known"}, "cover": {"asset": "gone"}}}""");
        assertEquals(List.of(), VALIDATOR.validate(page));
        List<Fault> violations = VALIDATOR.validate(page, "known"::equals);
        assertEquals(
                List.of(PageFaults.at(
                        "/components/0/props/cover/asset",
                        "shop",
                        "shop-card",
                        "dangling-asset",
                        "Cover picture refers to asset 'gone', which does not exist; upload it or pick another")),
                violations);
    }

    @Test
    void reportsAnchorsAndAnchorLinksToComponentsNotOnThePage() {
        List<Fault> violations = VALIDATOR.validate(page("""
                {"id": "nav", "type": "anchor-nav", "props": {"items": [{"label": "Deals", "target": "deals"}, {"label": "Brands", "target": "brands"}]}},
                {"id": "hero", "type": "hero-banner", "version": 2, "props": {"image": {"asset": "a1"}, "title": "Hi", "link": {"kind": "anchor", "target": "live"}}},
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1"}, "link": {"kind": "shop", "target": "live"}}},
                {"id": "deals", "type": "spacer", "props": {}}"""));
        assertEquals(
                List.of(
                        PageFaults.at(
                                "/components/0/props/items/1/target",
                                "nav",
                                "anchor-nav",
                                "dangling-anchor",
                                "Section to jump to (Anchors, item 2) points to component 'brands', which is not on this page"),
                        PageFaults.at(
                                "/components/1/props/link/target",
                                "hero",
                                "hero-banner",
                                "dangling-anchor",
                                "Link target points to component 'live', which is not on this page")),
                violations);
    }

    @Test
    void showsOnlyABoundedPartOfHostileNames() {
        String longType = "x".repeat(10_000);
        Fault v = VALIDATOR.validate(page("{\"id\": \"a\", \"type\": \"" + longType + "\", \"props\": {}}")).stream()
                .filter(x -> x.code().equals("unknown-type"))
                .findFirst()
                .orElseThrow();
        assertTrue(v.message().length() < 500, v.message());
        assertEquals(81, v.componentType().length());
    }

    @Test
    void checksThePageEnvelope() {
        JsonNode page = json("""
                {"slug": "Double 11", "schedule": {"start": "2026-11-12T00:00:00Z", "end": "2026-11-10T00:00:00Z"}, "components": []}""");
        List<Fault> violations = VALIDATOR.validate(page);
        assertEquals(
                List.of(
                        PageFaults.at(
                                "/slug",
                                null,
                                null,
                                "pattern",
                                "Page address (slug) must look like double11-main, got \"Double 11\""),
                        PageFaults.at("/title", null, null, "required", "Page title is required"),
                        PageFaults.at(
                                "/schedule/end",
                                null,
                                null,
                                "schedule-order",
                                "Schedule end must be after the start 2026-11-12T00:00Z, got 2026-11-10T00:00Z")),
                violations);
    }

    @Test
    void checksEachComponentsEnvelope() {
        List<Fault> violations = VALIDATOR.validate(page("""
                {"id": "bad id!", "type": "spacer", "props": [], "child": []}"""));
        assertEquals(
                List.of(
                        PageFaults.at(
                                "/components/0/child",
                                "bad id!",
                                "spacer",
                                "additionalProperties",
                                "The component has no property 'child'; known properties: id, type, version, props, children, targeting"),
                        PageFaults.at(
                                "/components/0/id",
                                "bad id!",
                                "spacer",
                                "pattern",
                                "Component id must look like deals-section, got \"bad id!\""),
                        PageFaults.at(
                                        "/components/0/props",
                                        "bad id!",
                                        "spacer",
                                        "type",
                                        "Props must be an object, got a list")
                                .withValues("an object", "a list")),
                violations);
    }

    @Test
    void reportsEveryFaultInOneAnswer() {
        List<Fault> violations = VALIDATOR.validate(page("""
                {"id": "hero", "type": "hero-banner", "props": {"image": {"asset": "a1"}}},
                {"id": "hero", "type": "spacer", "props": {"height": 900}},
                {"id": "z", "type": "nope", "props": {}}"""));
        assertEquals(
                List.of("required", "duplicate-id", "maximum", "unknown-type"),
                violations.stream().map(Fault::code).toList());
    }

    @Test
    void refusesPropsNewerThanTheSchema() {
        Fault v = single(page("""
                {"id": "hero", "type": "hero-banner", "version": 3, "props": {"image": {"asset": "a1"}, "title": "Hi"}}"""));
        assertEquals(
                PageFaults.at(
                        "/components/0/version",
                        "hero",
                        "hero-banner",
                        "version-too-new",
                        "The props are version 3 but this server knows Hero banner only up to version 2; they were not checked"),
                v);
    }

    @Test
    void readsOnlyWholePositiveVersions() {
        assertEquals("version-too-new", single(page("""
                {"id": "hero", "type": "hero-banner", "version": 4294967297, "props": {"image": {"asset": "a1"}, "title": "Hi"}}""")).code());
        assertEquals(
                PageFaults.at(
                                "/components/0/version",
                                "hero",
                                "hero-banner",
                                "type",
                                "Props version must be a whole number, got the text \"2\"")
                        .withValues("a whole number", "the text \"2\""),
                single(page("""
                {"id": "hero", "type": "hero-banner", "version": "2", "props": {"image": {"asset": "a1"}, "title": "Hi"}}""")));
        assertEquals(
                PageFaults.at(
                                "/components/0/version",
                                "hero",
                                "hero-banner",
                                "minimum",
                                "Props version must be at least 1, got 0")
                        .withValues("at least 1", "0"),
                single(page("""
                {"id": "hero", "type": "hero-banner", "version": 0, "props": {"image": {"asset": "a1"}, "title": "Hi"}}""")));
    }

    @Test
    void stopsAtTheDepthLimitWithOneViolation() {
        ObjectNode innermost = component("leaf", "spacer", "{}");
        ObjectNode at = innermost;
        for (int i = 0; i < 40; i++) {
            ObjectNode section = component("s" + i, "section", "{}");
            section.putArray("children").add(at);
            at = section;
        }
        List<Fault> violations = VALIDATOR.validate(pageOf(at));
        assertEquals(1, violations.size(), violations.toString());
        Fault v = violations.get(0);
        assertEquals("too-deep", v.code());
        assertEquals("/components/0" + "/children/0".repeat(32), v.pointer());
        assertEquals(
                "Components may nest at most 32 levels deep; this one is at level 33, so it and everything inside it were not checked",
                v.message());
    }

    @Test
    void acceptsNestingUpToTheDepthLimit() {
        ObjectNode at = component("leaf", "spacer", "{}");
        for (int i = 0; i < 31; i++) {
            ObjectNode section = component("s" + i, "section", "{}");
            section.putArray("children").add(at);
            at = section;
        }
        assertEquals(List.of(), VALIDATOR.validate(pageOf(at)));
    }

    @Test
    void escapesPropertyNamesInPointers() {
        Fault v = single(page("""
                {"id": "gap", "type": "spacer", "props": {"a/b~c": 1}}"""));
        assertEquals("/components/0/props/a~1b~0c", v.pointer());
        assertEquals(
                "Spacer / divider has no property 'a/b~c'; known properties: height, divider, lineStyle, color",
                v.message());
    }

    @Test
    void stopsAtTheComponentLimitWithOneViolation() {
        PageValidator small = new PageValidator(REGISTRY, new ValidationLimits(32, 10, 500));
        ObjectNode[] spacers = new ObjectNode[12];
        for (int i = 0; i < spacers.length; i++) {
            spacers[i] = component("g" + i, "spacer", "{}");
        }
        List<Fault> violations = small.validate(pageOf(spacers));
        assertEquals(
                List.of(PageFaults.at(
                        "/components/10",
                        "g10",
                        "spacer",
                        "too-many-components",
                        "A page may hold at most 10 components; the rest, from this one on, were not checked")),
                violations);
    }

    @Test
    void cutsALongAnswerWithOneNote() {
        PageValidator small = new PageValidator(REGISTRY, new ValidationLimits(32, 5000, 3));
        ObjectNode[] spacers = new ObjectNode[6];
        for (int i = 0; i < spacers.length; i++) {
            spacers[i] = component("g" + i, "spacer", "{\"height\": -1}");
        }
        List<Fault> violations = small.validate(pageOf(spacers));
        assertEquals(4, violations.size());
        assertEquals("too-many-violations", violations.get(3).code());
    }

    @Test
    void refusesADocumentThatIsNotAnObject() {
        assertEquals(
                List.of(PageFaults.at("", null, null, "type", "The page must be a JSON object, got array")),
                VALIDATOR.validate(json("[]")));
    }

    @Test
    void validatesPropsAloneForTheBuildersForm() {
        List<Fault> violations = VALIDATOR.validateProps("countdown", json("{\"target\": \"tomorrow\"}"));
        assertEquals(
                List.of(
                        PageFaults.at(
                                "/target",
                                null,
                                "countdown",
                                "format",
                                "Count down to must be an ISO-8601 date-time with a time zone, such as 2026-11-11T00:00:00+08:00, got \"tomorrow\"")),
                violations);
        assertThrows(IllegalArgumentException.class, () -> VALIDATOR.validateProps("nope", json("{}")));
    }

    private static Fault single(JsonNode page) {
        List<Fault> violations = VALIDATOR.validate(page);
        assertEquals(1, violations.size(), violations.toString());
        return violations.get(0);
    }

    static JsonNode page(String components) {
        return json("{\"slug\": \"test-page\", \"title\": \"Test\", \"components\": [" + components + "]}");
    }

    private static JsonNode pageOf(ObjectNode... components) {
        ObjectNode page = (ObjectNode) json("{\"slug\": \"test-page\", \"title\": \"Test\"}");
        ArrayNode list = page.putArray("components");
        for (ObjectNode c : components) {
            list.add(c);
        }
        return page;
    }

    private static ObjectNode component(String id, String type, String props) {
        ObjectNode c = MAPPER.createObjectNode().put("id", id).put("type", type);
        c.set("props", json(props));
        return c;
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
