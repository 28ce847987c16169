package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The values at a props pointer as component files write them ({@code /slides/*\/text}: {@code *} is any index), to read or replace. */
final class PropsAt {

    /** One value found: its container, its key there (a String or an Integer) and its pointer under the props. */
    interface Visitor {
        void visit(JsonNode parent, Object key, JsonNode value, String path);
    }

    private PropsAt() {}

    static void each(ObjectNode props, String pointer, Visitor visitor) {
        if (pointer.isEmpty()) {
            return;
        }
        walk(props, pointer.substring(1).split("/", -1), 0, "", visitor);
    }

    private static void walk(JsonNode node, String[] tokens, int at, String path, Visitor visitor) {
        String token = tokens[at].replace("~1", "/").replace("~0", "~");
        boolean last = at == tokens.length - 1;
        if ("*".equals(token)) {
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                step(node, i, node.get(i), tokens, at, path + "/" + i, last, visitor);
            }
        } else if (node.isObject() && node.has(token)) {
            step(node, token, node.get(token), tokens, at, path + "/" + tokens[at], last, visitor);
        }
    }

    private static void step(
            JsonNode parent,
            Object key,
            JsonNode value,
            String[] tokens,
            int at,
            String path,
            boolean last,
            Visitor visitor) {
        if (last) {
            visitor.visit(parent, key, value, path);
        } else {
            walk(value, tokens, at + 1, path, visitor);
        }
    }

    static void set(JsonNode parent, Object key, JsonNode value) {
        if (key instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) key, value);
        }
    }

    /** Removes a prop, or nulls an array item (removing it would shift the indexes the warnings name). */
    static void remove(JsonNode parent, Object key) {
        if (key instanceof Integer i) {
            ((ArrayNode) parent).set(i, ((ArrayNode) parent).nullNode());
        } else {
            ((ObjectNode) parent).remove((String) key);
        }
    }
}
