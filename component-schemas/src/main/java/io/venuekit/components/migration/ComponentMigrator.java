package io.venuekit.components.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;

/**
 * Upgrades props written for an older version of a component's schema to the current one by
 * the schema's declared migrations. Never changes its input: every method returns a new tree.
 *
 * <p>A component without {@code version} is taken to be written for the current version.
 */
public final class ComponentMigrator {

    /** Deeper trees are left for the validator to refuse; this only bounds the recursion. */
    private static final int MAX_DEPTH = 64;

    private final ComponentRegistry registry;

    public ComponentMigrator(ComponentRegistry registry) {
        this.registry = registry;
    }

    /**
     * The props upgraded from version {@code from} to {@code schema.version()}, as a new tree.
     *
     * @throws MigrationException when {@code from} is newer than the schema, a step is missing,
     *                            or an operation cannot be applied
     */
    public ObjectNode upgradeProps(ComponentSchema schema, int from, JsonNode props) {
        int to = schema.version();
        if (from > to) {
            throw new MigrationException(schema.type(), from, to, "the props are newer than the schema");
        }
        if (from < 1) {
            throw new MigrationException(schema.type(), from, to, "versions start at 1");
        }
        ObjectNode result =
                props != null && props.isObject() ? ((ObjectNode) props).deepCopy() : PropsPatch.emptyObject();
        int at = from;
        while (at < to) {
            ComponentSchema.Migration step = step(schema, at);
            if (step == null) {
                throw new MigrationException(schema.type(), from, to, "no migration declared from version " + at);
            }
            for (JsonNode op : step.ops()) {
                try {
                    PropsPatch.apply(result, op);
                } catch (IllegalArgumentException e) {
                    throw new MigrationException(
                            schema.type(), from, to, "step " + step.from() + "→" + step.to() + ": " + e.getMessage());
                }
            }
            at = step.to();
        }
        return result;
    }

    /**
     * A component and its subtree with every known type's props upgraded and {@code version}
     * set to the current schema version. Unknown types, and props that cannot be upgraded, are
     * copied unchanged: the validator reports them.
     */
    public JsonNode upgradeComponent(JsonNode component) {
        JsonNode copy = component.deepCopy();
        upgradeInPlace(copy, 0);
        return copy;
    }

    /** The page document with every component upgraded, as a new tree. */
    public JsonNode upgradePage(JsonNode page) {
        JsonNode copy = page.deepCopy();
        JsonNode components = copy.path("components");
        if (components.isArray()) {
            components.forEach(c -> upgradeInPlace(c, 1));
        }
        return copy;
    }

    private void upgradeInPlace(JsonNode node, int depth) {
        if (!(node instanceof ObjectNode component) || depth > MAX_DEPTH) {
            return;
        }
        registry.find(component.path("type").asText(null)).ifPresent(schema -> {
            JsonNode version = component.get("version");
            if (version != null && !(version.canConvertToExactIntegral() && version.canConvertToInt())) {
                return; // not a version this server can read; the validator says so
            }
            int from = version == null ? schema.version() : version.asInt();
            if (from == schema.version()) {
                component.put("version", from);
            } else if (from < schema.version()) {
                try {
                    component.set("props", upgradeProps(schema, from, component.get("props")));
                    component.put("version", schema.version());
                } catch (MigrationException e) {
                    // left as written; PageValidator reports it with the reason
                }
            }
        });
        JsonNode children = component.get("children");
        if (children instanceof ArrayNode array) {
            array.forEach(child -> upgradeInPlace(child, depth + 1));
        }
    }

    private static ComponentSchema.Migration step(ComponentSchema schema, int from) {
        for (ComponentSchema.Migration m : schema.migrations()) {
            if (m.from() == from && m.to() > from) {
                return m;
            }
        }
        return null;
    }
}
