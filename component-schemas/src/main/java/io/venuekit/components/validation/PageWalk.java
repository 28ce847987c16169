package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.migration.MigrationException;
import io.venuekit.faults.Fault;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** One validation of one page document: the walk over its component tree and what it found. */
final class PageWalk {

    private static final int MAX_NAME_CHARS = 80;

    private final PageValidator validator;
    private final ValidationLimits limits;
    private final Predicate<String> assetExists;
    private final List<Fault> violations = new ArrayList<>();
    private final Map<String, String> pointerById = new HashMap<>();
    private final List<Anchor> anchors = new ArrayList<>();
    private int components;
    private boolean stopped;

    PageWalk(PageValidator validator, ValidationLimits limits, Predicate<String> assetExists) {
        this.validator = validator;
        this.limits = limits;
        this.assetExists = assetExists;
    }

    List<Fault> violations() {
        return List.copyOf(violations);
    }

    void page(JsonNode page) {
        if (page == null || !page.isObject()) {
            add(PageFaults.at(
                    "",
                    null,
                    null,
                    "type",
                    "The page must be a JSON object, got "
                            + (page == null
                                    ? "nothing"
                                    : page.getNodeType().name().toLowerCase())));
            return;
        }
        ValueScan.scan(page, limits, true, this::add);
        addAll(validator.envelope(page, false, "", null, null));
        OffsetDateTime start = PageValidator.instant(page.path("schedule").get("start"));
        OffsetDateTime end = PageValidator.instant(page.path("schedule").get("end"));
        if (start != null && end != null && !start.isBefore(end)) {
            add(PageFaults.at(
                    "/schedule/end",
                    null,
                    null,
                    "schedule-order",
                    "Schedule end must be after the start " + start + ", got " + end));
        }
        JsonNode list = page.get("components");
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size() && !stopped; i++) {
                component(list.get(i), "/components/" + i, null, 1);
            }
        }
        if (!stopped) {
            checkAnchors();
        }
    }

    private void component(JsonNode node, String pointer, ComponentSchema parent, int depth) {
        String rawId = node.path("id").isTextual() ? node.get("id").asText() : null;
        String id = clip(rawId);
        String type = node.path("type").isTextual() ? clip(node.get("type").asText()) : null;
        if (depth > limits.maxDepth()) {
            add(PageFaults.at(
                    pointer,
                    id,
                    type,
                    "too-deep",
                    "Components may nest at most " + limits.maxDepth() + " levels deep; this one is at level " + depth
                            + ", so it and everything inside it were not checked"));
            return;
        }
        if (++components > limits.maxComponents()) {
            add(PageFaults.at(
                    pointer,
                    id,
                    type,
                    "too-many-components",
                    "A page may hold at most " + limits.maxComponents()
                            + " components; the rest, from this one on, were not checked"));
            stopped = true;
            return;
        }
        if (!node.isObject()) {
            add(PageFaults.at(
                    pointer,
                    null,
                    null,
                    "type",
                    "A component must be an object, got " + ViolationMessages.shown(node)));
            return;
        }
        addAll(validator.envelope(node, true, pointer, id, type));
        if (rawId != null) {
            String first = pointerById.putIfAbsent(rawId, pointer);
            if (first != null) {
                add(PageFaults.at(
                        pointer + "/id",
                        id,
                        type,
                        "duplicate-id",
                        "Component id '" + id + "' is already used by the component at " + first
                                + "; ids must be unique in the page"));
            }
        }
        ComponentSchema schema = validator.registry().find(type).orElse(null);
        if (type != null && schema == null) {
            add(PageFaults.at(
                    pointer + "/type",
                    id,
                    type,
                    "unknown-type",
                    "Unknown component type '" + type + "'; known types: "
                            + String.join(", ", validator.registry().types())));
        }
        if (parent != null
                && type != null
                && parent.slots().max() > 0
                && !parent.slots().allows(type)) {
            add(PageFaults.at(
                    pointer,
                    id,
                    type,
                    "bad-nesting",
                    a(parent.title()) + " may hold only "
                            + titles(parent.slots().allowed()) + "; " + (schema == null ? type : schema.title())
                            + " is not allowed here"));
        }
        if (schema != null) {
            props(node, pointer, id, schema);
            if (ExperimentRules.TYPE.equals(schema.type())) {
                addAll(ExperimentRules.check(node, pointer, id));
            }
        }
        children(node, pointer, schema, depth);
    }

    private void props(JsonNode node, String pointer, String id, ComponentSchema schema) {
        JsonNode version = node.get("version");
        JsonNode props = node.get("props");
        if (version != null && (!version.canConvertToExactIntegral() || version.asDouble() < 1)
                || props != null && !props.isObject()) {
            return; // the envelope schema has said so
        }
        if (version != null && version.asDouble() > schema.version()) {
            add(PageFaults.at(
                    pointer + "/version",
                    id,
                    schema.type(),
                    "version-too-new",
                    "The props are version " + version.asText() + " but this server knows " + schema.title()
                            + " only up to version " + schema.version() + "; they were not checked"));
            return;
        }
        int from = version == null ? schema.version() : version.asInt();
        String note = "";
        if (from < schema.version()) {
            try {
                props = validator.migrator().upgradeProps(schema, from, props);
                note = " (after upgrading the props from version " + from + " to " + schema.version() + ")";
            } catch (MigrationException e) {
                add(PageFaults.at(pointer + "/version", id, schema.type(), "migration-failed", e.getMessage()));
                return;
            }
        }
        addAll(validator.props(schema, props, pointer + "/props", id, note));
        if (props != null) {
            focusBoxes(props, pointer + "/props", id, schema);
            if (assetExists != null) {
                assets(props, pointer + "/props", id, schema);
            }
            anchors(props, pointer + "/props", id, schema);
            addAll(ActionRules.check(props, pointer + "/props", id, schema));
        }
    }

    private void assets(JsonNode props, String base, String id, ComponentSchema schema) {
        for (ComponentSchema.ImageSlot slot : schema.images()) {
            PropPaths.expand(props, slot.pointer(), (image, path) -> {
                JsonNode asset = image.get("asset");
                if (asset != null && asset.isTextual() && !assetExists.test(asset.asText())) {
                    String label = validator.labels().label(validator.catalog().props(schema.type()), path);
                    add(PageFaults.at(
                            PropPaths.pointer(base, path) + "/asset",
                            id,
                            schema.type(),
                            "dangling-asset",
                            label + " refers to asset '" + clip(asset.asText())
                                    + "', which does not exist; upload it or pick another"));
                }
            });
        }
    }

    /** A focus box is a top-left corner and a size; the schema bounds each number, not their sums. */
    private void focusBoxes(JsonNode props, String base, String id, ComponentSchema schema) {
        for (ComponentSchema.ImageSlot slot : schema.images()) {
            PropPaths.expand(props, slot.pointer(), (image, path) -> {
                JsonNode focus = image.path("focus");
                for (String[] axis : new String[][] {{"x", "w", "width"}, {"y", "h", "height"}}) {
                    JsonNode at = focus.get(axis[0]);
                    JsonNode size = focus.get(axis[1]);
                    // a number beyond a double has no decimal value; the value scan has reported it
                    if (at != null
                            && size != null
                            && at.isNumber()
                            && size.isNumber()
                            && Double.isFinite(at.doubleValue())
                            && Double.isFinite(size.doubleValue())
                            && at.decimalValue().add(size.decimalValue()).compareTo(java.math.BigDecimal.ONE) > 0) {
                        add(PageFaults.at(
                                PropPaths.pointer(base, path) + "/focus",
                                id,
                                schema.type(),
                                "focus-outside",
                                "Focus must lie inside the image: " + axis[0] + " + " + axis[2] + " is "
                                        + at.decimalValue()
                                                .add(size.decimalValue())
                                                .stripTrailingZeros()
                                                .toPlainString()
                                        + ", more than 1"));
                    }
                }
            });
        }
    }

    /** Remembers the props that name another component, to check once every id is known. */
    private void anchors(JsonNode props, String base, String id, ComponentSchema schema) {
        for (String anchorPath : validator.catalog().anchorPaths(schema.type())) {
            boolean linkTarget = anchorPath.endsWith("/target?anchor");
            String pointer =
                    linkTarget ? anchorPath.substring(0, anchorPath.length() - "/target?anchor".length()) : anchorPath;
            PropPaths.expand(props, pointer, (node, path) -> {
                JsonNode target =
                        linkTarget ? ("anchor".equals(node.path("kind").asText()) ? node.get("target") : null) : node;
                if (target != null && target.isTextual()) {
                    List<Object> where = new ArrayList<>(path);
                    if (linkTarget) {
                        where.add("target");
                    }
                    String label = validator.labels().label(validator.catalog().props(schema.type()), where);
                    anchors.add(new Anchor(PropPaths.pointer(base, where), id, schema.type(), label, target.asText()));
                }
            });
        }
    }

    private void checkAnchors() {
        for (Anchor a : anchors) {
            if (!pointerById.containsKey(a.target())) {
                add(PageFaults.at(
                        a.pointer(),
                        a.componentId(),
                        a.componentType(),
                        "dangling-anchor",
                        a.label() + " points to component '" + clip(a.target()) + "', which is not on this page"));
            }
        }
    }

    /** A prop that names another component of the page. */
    private record Anchor(String pointer, String componentId, String componentType, String label, String target) {}

    /** Ids and types as written may be anything; messages show a bounded part. */
    private static String clip(String text) {
        return text == null || text.length() <= MAX_NAME_CHARS ? text : text.substring(0, MAX_NAME_CHARS) + "…";
    }

    private void children(JsonNode node, String pointer, ComponentSchema schema, int depth) {
        JsonNode children = node.get("children");
        int count = children != null && children.isArray() ? children.size() : 0;
        if (schema != null) {
            ComponentSchema.Slots slots = schema.slots();
            String id = clip(node.path("id").asText(null));
            if (count > slots.max()) {
                add(PageFaults.at(
                        pointer + "/children",
                        id,
                        schema.type(),
                        "too-many-children",
                        slots.max() == 0
                                ? a(schema.title()) + " holds no children, got " + count
                                : a(schema.title()) + " may hold at most " + slots.max() + " " + plural(slots)
                                        + ", got " + count));
            } else if (count < slots.min()) {
                add(PageFaults.at(
                        pointer + "/children",
                        id,
                        schema.type(),
                        "too-few-children",
                        a(schema.title()) + " needs at least " + slots.min() + " " + plural(slots) + ", got " + count));
            }
        }
        for (int i = 0; i < count && !stopped; i++) {
            component(children.get(i), pointer + "/children/" + i, schema, depth + 1);
        }
    }

    /** "product cards", "sections", or "children" when any type may nest. */
    private String plural(ComponentSchema.Slots slots) {
        if (slots.allowed().size() != 1 || slots.allowed().contains("*")) {
            return "children";
        }
        String title = validator
                .registry()
                .find(slots.allowed().get(0))
                .map(ComponentSchema::title)
                .orElse(slots.allowed().get(0));
        return title.toLowerCase() + "s";
    }

    /** "A Section", "An Image". */
    private static String a(String title) {
        return ("AEIOUaeiou".indexOf(title.charAt(0)) >= 0 ? "An " : "A ") + title;
    }

    private String titles(List<String> types) {
        return types.stream()
                .map(t ->
                        validator.registry().find(t).map(ComponentSchema::title).orElse(t))
                .collect(Collectors.joining(", "));
    }

    private void addAll(List<Fault> found) {
        found.forEach(this::add);
    }

    private void add(Fault v) {
        if (violations.size() < limits.maxViolations()) {
            violations.add(v);
        } else if (!stopped) {
            violations.add(PageFaults.at(
                    "",
                    null,
                    null,
                    "too-many-violations",
                    "Stopped after " + limits.maxViolations() + " violations; fix these and validate again"));
            stopped = true;
        }
    }
}
