package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentSchema;
import java.util.Iterator;
import java.util.Map;

/** How props carry over: defaults under the props as written, a replacement's pointer mapping, a fallback's. Never mutates its input. */
final class PropsMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PropsMapping() {}

    static ObjectNode withDefaults(ComponentSchema schema, JsonNode props) {
        ObjectNode merged = schema.defaults().deepCopy();
        if (props.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                merged.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return merged;
    }

    static ObjectNode mapProps(ObjectNode from, ComponentSchema.Replacement replacement) {
        ObjectNode out = NODES.objectNode();
        replacement.props().forEach((target, pointer) -> {
            JsonNode v = from.at(pointer);
            if (!v.isMissingNode()) {
                out.set(target, v.deepCopy());
            }
        });
        if (replacement.fixed() != null) {
            out.setAll(replacement.fixed().deepCopy());
        }
        return out;
    }

    static ObjectNode fallbackProps(ComponentRules from, ObjectNode props, ComponentRules to) {
        if (from.fallbackProps() != null) {
            return mapProps(props, from.fallbackProps());
        }
        ObjectNode out = NODES.objectNode();
        for (String name : to.properties()) {
            if (props.has(name)) {
                out.set(name, props.get(name).deepCopy());
            }
        }
        return out;
    }

    static String missingRequired(ComponentRules rules, ObjectNode props) {
        for (String r : rules.required()) {
            if (!props.hasNonNull(r)) {
                return r;
            }
        }
        return null;
    }

    static JsonNode firstChildOfType(JsonNode children, String type) {
        for (JsonNode child : children) {
            if (type.equals(child.path("type").asText())) {
                return child;
            }
        }
        return null;
    }
}
