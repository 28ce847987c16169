package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentSchema;
import java.util.Map;

/**
 * Completes each action a type declares ({@code common.json#/$defs/action}) into what a client
 * acts on without looking anything up: a claim, lottery or cart action written without an id
 * takes the component's own coupon pool, game or product from its data binding, and a cart
 * action says its quantity. An action that cannot be completed (an id it cannot find, an
 * {@code open-link} whose link the link policy left out) is left out with a warning, so an app
 * never receives an action it cannot perform. Runs after {@link LinkGuard}.
 */
final class ActionProps {

    /** Action type → the id field it needs and the data source that supplies it when absent. */
    private static final Map<String, String[]> BOUND = Map.of(
            "claim-coupon", new String[] {"couponId", "coupon-pool"},
            "enter-lottery", new String[] {"lotteryId", "lottery"},
            "add-to-cart", new String[] {"productId", "product"});

    private ActionProps() {}

    static void resolve(String id, ObjectNode props, ComponentRules rules, RenderContext ctx) {
        for (String pointer : rules.actions()) {
            PropsAt.each(props, pointer, (parent, key, value, path) -> {
                if (!value.isObject()) {
                    return;
                }
                String problem = complete((ObjectNode) value, rules.schema(), props);
                if (problem != null) {
                    PropsAt.remove(parent, key);
                    ctx.warn(id, "/props" + path, "action-left-out", "action left out: " + problem);
                }
            });
        }
    }

    /** Fills in what the action leaves to the component; the reason it cannot be performed, or null. */
    private static String complete(ObjectNode action, ComponentSchema schema, ObjectNode props) {
        String type = action.path("type").asText("");
        if (type.equals("open-link")) {
            return action.path("link").isObject() ? null : "its link is not allowed";
        }
        String[] bound = BOUND.get(type);
        if (bound != null) {
            if (!action.path(bound[0]).isTextual()) {
                String own = ownId(schema, props, bound[1]);
                if (own == null) {
                    return type + " names no " + bound[0] + " and " + schema.type() + " has no " + bound[1]
                            + " of its own";
                }
                action.put(bound[0], own);
            }
            if (type.equals("add-to-cart") && !action.has("quantity")) {
                action.put("quantity", 1);
            }
            return null;
        }
        return switch (type) {
            case "switch-tab", "scroll-to" -> null;
            default -> "unknown action type '" + type + "'";
        };
    }

    /** The id the component's binding to {@code source} names, or null. */
    private static String ownId(ComponentSchema schema, ObjectNode props, String source) {
        for (ComponentSchema.DataBinding binding : schema.data().values()) {
            JsonNode id = props.get(binding.prop());
            if (binding.source().equals(source)
                    && id != null
                    && id.isTextual()
                    && !id.asText().isEmpty()) {
                return id.asText();
            }
        }
        return null;
    }
}
