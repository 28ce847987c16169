package io.venuekit.components.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the JSON Patch operations of a migration ({@code add}, {@code remove}, {@code replace},
 * {@code move}, {@code copy}) to a props tree, in place; callers pass a copy.
 *
 * <p>Deliberately more forgiving than RFC 6902: props written for an older version may leave
 * optional fields out, so removing, moving or copying an absent field does nothing,
 * {@code replace} of an absent field adds it, and {@code add} creates missing parent objects.
 * Anything else that cannot be applied (a path through a number, an index past the end) fails.
 */
final class PropsPatch {

    private PropsPatch() {}

    static void apply(ObjectNode props, JsonNode op) {
        String kind = op.path("op").asText();
        String path = op.path("path").asText();
        switch (kind) {
            case "add", "replace" -> set(props, path, op.path("value").deepCopy());
            case "remove" -> remove(props, path);
            case "move" -> {
                JsonNode value = remove(props, op.path("from").asText());
                if (value != null) {
                    set(props, path, value);
                }
            }
            case "copy" -> {
                JsonNode value = props.at(op.path("from").asText());
                if (!value.isMissingNode()) {
                    set(props, path, value.deepCopy());
                }
            }
            default -> throw new IllegalArgumentException("unknown patch op '" + kind + "'");
        }
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("cannot replace the whole props object");
        }
        JsonNode parent = root;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            JsonNode next = child(parent, token);
            if (next == null && parent instanceof ObjectNode object) {
                next = object.putObject(token);
            }
            if (next == null || !next.isContainerNode()) {
                throw new IllegalArgumentException(
                        "path " + path + " goes through a missing or plain value at '" + token + "'");
            }
            parent = next;
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if ("-".equals(last)) {
                array.add(value);
            } else {
                int index = index(last, array.size(), path);
                array.insert(index, value);
            }
        }
    }

    /** Removes and returns the value at path, or null when there is none. */
    private static JsonNode remove(ObjectNode root, String path) {
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("cannot remove the whole props object");
        }
        JsonNode parent = root;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token);
            if (parent == null) {
                return null;
            }
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            return object.remove(last);
        }
        if (parent instanceof ArrayNode array) {
            int index = index(last, array.size() - 1, path);
            return array.remove(index);
        }
        return null;
    }

    private static JsonNode child(JsonNode parent, String token) {
        if (parent instanceof ObjectNode object) {
            return object.get(token);
        }
        if (parent instanceof ArrayNode array && token.matches("\\d{1,9}")) {
            return array.get(Integer.parseInt(token));
        }
        return null;
    }

    private static int index(String token, int max, String path) {
        if (!token.matches("\\d{1,9}") || Integer.parseInt(token) > max) {
            throw new IllegalArgumentException("path " + path + " has no array index '" + token + "'");
        }
        return Integer.parseInt(token);
    }

    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("'" + pointer + "' is not a JSON pointer");
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
