package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.links.LinkProps;
import io.venuekit.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the action schema cannot say: a claim, lottery or cart action that names no id acts on the
 * component's own coupon pool, game or product, so the component's type must bind one (a hero
 * banner has no coupon of its own). Without this the renderer would have to leave the action out.
 */
final class ActionRules {

    /** Action type → the id field it may leave out and the data source that must then supply it. */
    private static final Map<String, String[]> BOUND = Map.of(
            "claim-coupon", new String[] {"couponId", "coupon-pool", "coupon pool"},
            "enter-lottery", new String[] {"lotteryId", "lottery", "lottery"},
            "add-to-cart", new String[] {"productId", "product", "product"});

    private ActionRules() {}

    /** @param base the pointer of the component's props */
    static List<Fault> check(JsonNode props, String base, String id, ComponentSchema schema) {
        List<Fault> found = new ArrayList<>();
        for (String pointer : LinkProps.actions(schema.props())) {
            PropPaths.expand(props, pointer, (action, path) -> {
                String[] bound = BOUND.get(action.path("type").asText());
                if (bound == null || action.path(bound[0]).isTextual() || binds(schema, bound[1])) {
                    return;
                }
                found.add(PageFaults.at(
                        PropPaths.pointer(base, path) + "/" + bound[0],
                        id,
                        schema.type(),
                        "action-needs-id",
                        "This action needs a " + bound[2] + " id: a "
                                + schema.title().toLowerCase(java.util.Locale.ROOT) + " has no " + bound[2]
                                + " of its own"));
            });
        }
        return found;
    }

    private static boolean binds(ComponentSchema schema, String source) {
        return schema.data().values().stream().anyMatch(b -> b.source().equals(source));
    }
}
