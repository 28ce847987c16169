package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an edit changed, for the audit trail: top-level fields and the components touched, by id. */
final class ChangeSummary {

    private ChangeSummary() {}

    static ObjectNode between(JsonNode before, JsonNode after) {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        var fields = summary.putArray("fields");
        for (String field : new String[] {"slug", "title", "schedule", "targeting"}) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                fields.add(field);
            }
        }
        Map<String, JsonNode> old = flatten(before.path("components"));
        Map<String, JsonNode> now = flatten(after.path("components"));
        var added = summary.putArray("added");
        var removed = summary.putArray("removed");
        var changed = summary.putArray("changed");
        now.forEach((id, node) -> {
            if (!old.containsKey(id)) {
                added.add(id);
            } else if (!old.get(id).equals(node)) {
                changed.add(id);
            }
        });
        old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(removed::add);
        return summary;
    }

    /** Component id to the component without its children, so a child edit counts once. */
    private static Map<String, JsonNode> flatten(JsonNode components) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        collect(components, map);
        return map;
    }

    private static void collect(JsonNode components, Map<String, JsonNode> map) {
        for (JsonNode c : components) {
            if (c.isObject()) {
                ObjectNode own = ((ObjectNode) c).deepCopy();
                own.remove("children");
                map.put(c.path("id").asText(), own);
                collect(c.path("children"), map);
            }
        }
    }
}
