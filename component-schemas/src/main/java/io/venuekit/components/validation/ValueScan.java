package io.venuekit.components.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.faults.Fault;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pass over every value of a page document, known fields or not, for what no schema says
 * and every store and client needs: whole numbers within 64 bits (MongoDB, Java and most apps
 * hold no more; a parser hands bigger ones over as BigInteger, which the store refuses with a
 * 500), finite numbers within a double (1e400 parses to Infinity, which JSON cannot write), and
 * strings within {@link ValidationLimits#maxStringChars()}. Iterative, so a deep document cannot
 * overflow the stack.
 */
final class ValueScan {

    private static final BigDecimal MAX_DOUBLE = BigDecimal.valueOf(Double.MAX_VALUE);
    private static final int MAX_SHOWN_DIGITS = 40;

    private ValueScan() {}

    /**
     * A value and where it sits, with the component it belongs to (null above the components);
     * its role says whether it is a component, or a list of them (the page's {@code components},
     * a component's {@code children}), where the component ids come from.
     */
    private record At(JsonNode node, String pointer, String componentId, String componentType, Role role) {}

    private enum Role {
        PAGE,
        VALUE,
        COMPONENT,
        COMPONENTS
    }

    /** @param page whether {@code root} is a page document (its {@code components} name the components), else one component's props */
    static void scan(JsonNode root, ValidationLimits limits, boolean page, Consumer<Fault> faults) {
        Deque<At> todo = new ArrayDeque<>();
        todo.push(new At(root, "", null, null, page ? Role.PAGE : Role.VALUE));
        while (!todo.isEmpty()) {
            At at = todo.pop();
            JsonNode node = at.node();
            if (node.isObject()) {
                // the fields are pushed in reverse so that faults come out in document order
                Deque<At> fields = new ArrayDeque<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    boolean list = at.role() == Role.PAGE && e.getKey().equals("components")
                            || at.role() == Role.COMPONENT && e.getKey().equals("children");
                    fields.push(new At(
                            e.getValue(),
                            Pointers.append(at.pointer(), e.getKey()),
                            at.componentId(),
                            at.componentType(),
                            list ? Role.COMPONENTS : Role.VALUE));
                }
                fields.forEach(todo::push);
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    JsonNode item = node.get(i);
                    String id = at.componentId();
                    String type = at.componentType();
                    boolean component = at.role() == Role.COMPONENTS && item.isObject();
                    if (component) {
                        id = item.path("id").isTextual() ? clip(item.get("id").asText()) : null;
                        type = item.path("type").isTextual()
                                ? clip(item.get("type").asText())
                                : null;
                    }
                    todo.push(new At(
                            item, Pointers.append(at.pointer(), i), id, type, component ? Role.COMPONENT : Role.VALUE));
                }
            } else if (node.isNumber()) {
                String problem = numberProblem(node);
                if (problem != null) {
                    faults.accept(PageFaults.at(
                            at.pointer(), at.componentId(), at.componentType(), "number-out-of-range", problem));
                }
            } else if (node.isTextual() && node.asText().length() > limits.maxStringChars()) {
                faults.accept(PageFaults.at(
                        at.pointer(),
                        at.componentId(),
                        at.componentType(),
                        "too-long",
                        "Text may be at most " + grouped(limits.maxStringChars()) + " characters long, got "
                                + grouped(node.asText().length())));
            }
        }
    }

    /**
     * {@code node} itself when it holds no number beyond a double (read as Infinity) outside its
     * top-level {@code skipped} fields; else a copy with each such number replaced by null, their
     * pointers (relative to {@code node}) added to {@code replaced}.
     */
    static JsonNode withoutNonFinite(JsonNode node, Set<String> skipped, List<String> replaced) {
        JsonNode copy = null;
        Deque<At> todo = new ArrayDeque<>();
        todo.push(new At(node, "", null, null, Role.PAGE));
        while (!todo.isEmpty()) {
            At at = todo.pop();
            JsonNode value = at.node();
            if (value.isObject()) {
                value.fields().forEachRemaining(e -> {
                    if (!(at.pointer().isEmpty() && skipped.contains(e.getKey()))) {
                        todo.push(new At(
                                e.getValue(), Pointers.append(at.pointer(), e.getKey()), null, null, Role.VALUE));
                    }
                });
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    todo.push(new At(value.get(i), Pointers.append(at.pointer(), i), null, null, Role.VALUE));
                }
            } else if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                if (copy == null) {
                    copy = node.deepCopy();
                }
                JsonPointer where = JsonPointer.compile(at.pointer());
                JsonNode parent = copy.at(where.head());
                if (parent instanceof ObjectNode object) {
                    object.putNull(where.last().getMatchingProperty());
                } else if (parent instanceof ArrayNode array) {
                    array.set(where.last().getMatchingIndex(), NullNode.getInstance());
                }
                replaced.add(at.pointer());
            }
        }
        return copy == null ? node : copy;
    }

    private static String numberProblem(JsonNode node) {
        if (node.isBigInteger()) {
            BigInteger value = node.bigIntegerValue();
            return value.bitLength() <= 63
                    ? null
                    : "Whole numbers must lie between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ", got "
                            + shown(value.toString());
        }
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            return value.abs().compareTo(MAX_DOUBLE) <= 0
                    ? null
                    : "Numbers must be at most " + Double.MAX_VALUE + " in size, got " + shown(value.toString());
        }
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            return Double.isFinite(value)
                    ? null
                    : "Numbers must be at most " + Double.MAX_VALUE + " in size, got one beyond it (read as " + value
                            + ")";
        }
        return null;
    }

    private static String shown(String digits) {
        return digits.length() <= MAX_SHOWN_DIGITS
                ? digits
                : digits.substring(0, MAX_SHOWN_DIGITS) + "… (" + digits.length() + " characters)";
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
