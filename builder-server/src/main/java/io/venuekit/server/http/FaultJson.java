package io.venuekit.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.faults.Fault;
import java.util.List;

/**
 * A fault as the API answers it, in {@code error.faults[]} and a saved draft's {@code warnings[]}:
 * {@code pointer}, {@code code}, {@code message} and {@code severity} always; {@code componentId},
 * {@code componentType}, {@code expected} and {@code actual} when known.
 */
public final class FaultJson {

    private FaultJson() {}

    public static void addAll(ArrayNode array, List<Fault> faults) {
        for (Fault f : faults) {
            add(array.addObject(), f);
        }
    }

    static void add(ObjectNode node, Fault f) {
        node.put("pointer", f.pointer());
        node.put("code", f.code());
        node.put("message", f.message());
        node.put("severity", f.severity().id());
        putIfKnown(node, "componentId", f.componentId());
        putIfKnown(node, "componentType", f.componentType());
        putIfKnown(node, "expected", f.expected());
        putIfKnown(node, "actual", f.actual());
    }

    private static void putIfKnown(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
