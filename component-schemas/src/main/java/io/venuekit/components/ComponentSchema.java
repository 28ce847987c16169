package io.venuekit.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One component type, as declared by its schema file ({@code venuekit/components/<type>.json}).
 *
 * @param type        the type name, e.g. {@code hero-banner}
 * @param version     the current props version; older documents are upgraded by {@link #migrations()}
 * @param props       the JSON Schema (2020-12) of the component's props
 * @param defaults    the default props, collected from the schema's {@code default}s
 * @param images      the image props, each with the aspect ratio its slot needs
 * @param slots       which child types may nest here, and how many
 * @param data        bindings to data sources resolved at render time, by name
 * @param tiers       the degradation policy per tier id ({@code high}, {@code mid}, {@code low})
 * @param fallback    the simpler type for clients that do not know this one, or null
 * @param migrations  upgrades from older props versions, in order
 * @param file        the whole schema file, for the builder's palette
 */
public record ComponentSchema(
        String type,
        int version,
        String title,
        String category,
        String icon,
        String description,
        JsonNode props,
        ObjectNode defaults,
        List<ImageSlot> images,
        Slots slots,
        Map<String, DataBinding> data,
        Map<String, TierPolicy> tiers,
        String fallback,
        List<Migration> migrations,
        JsonNode file) {

    /** The policy for a tier id, or {@link TierPolicy#NONE} when the file declares none. */
    public TierPolicy tier(String tierId) {
        return tiers.getOrDefault(tierId, TierPolicy.NONE);
    }

    /**
     * An image prop.
     *
     * @param pointer a JSON pointer into the props where {@code *} stands for any array index,
     *                e.g. {@code /image} or {@code /slides/*\/image}
     * @param aspect  the slot's aspect ratio as written, e.g. {@code 16:9}
     */
    public record ImageSlot(String pointer, String aspect) {
        /** Width over height. */
        public double ratio() {
            String[] parts = aspect.split(":");
            return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        }
    }

    /** Allowed child types (empty: no children), and how many children at least and at most. */
    public record Slots(List<String> allowed, int min, int max) {
        public static final Slots NONE = new Slots(List.of(), 0, 0);

        public boolean allows(String childType) {
            return allowed.contains("*") || allowed.contains(childType);
        }
    }

    /** A prop ({@code prop}) that names an item of a data source ({@code source}, e.g. {@code product-feed}). */
    public record DataBinding(String source, String prop) {}

    /**
     * How a component degrades on one tier.
     *
     * @param props       prop overrides merged over the component's props
     * @param maxChildren a cap on children, or null
     * @param replaceWith another type to render instead, or null
     * @param drop        leave the component out
     * @param lazy        defer it to a later page of the payload
     */
    public record TierPolicy(
            ObjectNode props, Integer maxChildren, Replacement replaceWith, boolean drop, boolean lazy) {
        public static final TierPolicy NONE = new TierPolicy(null, null, null, false, false);
    }

    /**
     * Render another type instead: its props are taken from this component's props.
     *
     * @param type  the replacement type
     * @param props replacement prop name to a JSON pointer into the original props
     * @param fixed literal props for the replacement
     */
    public record Replacement(String type, Map<String, String> props, ObjectNode fixed) {}

    /** Upgrades props from version {@code from} to {@code to} with JSON-Patch-like operations. */
    public record Migration(int from, int to, List<JsonNode> ops) {}
}
