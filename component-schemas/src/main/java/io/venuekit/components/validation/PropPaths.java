package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Props pointers as component files write them ({@code /slides/*\/image}: {@code *} is any index), applied to props. */
final class PropPaths {

    private PropPaths() {}

    /** Calls {@code found} for every node at a props pointer whose {@code *} stands for any array index. */
    static void expand(JsonNode props, String pointer, BiConsumer<JsonNode, List<Object>> found) {
        expand(props, pointer.substring(1).split("/"), 0, new ArrayList<>(), found);
    }

    private static void expand(
            JsonNode node, String[] tokens, int at, List<Object> path, BiConsumer<JsonNode, List<Object>> found) {
        if (at == tokens.length) {
            found.accept(node, path);
            return;
        }
        String token = tokens[at].replace("~1", "/").replace("~0", "~");
        if ("*".equals(token)) {
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                path.add(i);
                expand(node.get(i), tokens, at + 1, path, found);
                path.remove(path.size() - 1);
            }
        } else if (node.has(token)) {
            path.add(token);
            expand(node.get(token), tokens, at + 1, path, found);
            path.remove(path.size() - 1);
        }
    }

    static String pointer(String base, List<Object> path) {
        String pointer = base;
        for (Object element : path) {
            pointer = element instanceof Integer i
                    ? Pointers.append(pointer, i)
                    : Pointers.append(pointer, (String) element);
        }
        return pointer;
    }
}
