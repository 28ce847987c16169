package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.venuekit.faults.Fault;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the schema library's messages into {@link Fault}s an operator can act on:
 * the place named by the schema's titles, the rule, the limit and what arrived.
 * Keywords without a dedicated sentence keep the library's text, minus its path prefix.
 */
final class ViolationMessages {

    private static final int MAX_SHOWN_CHARS = 40;
    private static final String DATE_TIME = "date-time";

    private final SchemaLabels labels;

    ViolationMessages(SchemaLabels labels) {
        this.labels = labels;
    }

    /**
     * @param base     where the validated instance sits in the page document
     * @param subject  what the instance is, for faults at its root ("Hero banner", "The page")
     */
    Fault translate(
            ValidationMessage m,
            SchemaCatalog.Compiled schema,
            String base,
            String subject,
            String componentId,
            String componentType) {
        String code = m.getType();
        String property = "required".equals(code) || "additionalProperties".equals(code) ? m.getProperty() : null;
        String pointer = Pointers.append(base, m.getInstanceLocation());
        if (property != null) {
            pointer = Pointers.append(pointer, property);
        }
        String label = labels.label(schema, m.getInstanceLocation(), property);
        if (label == null) {
            label = subject;
        }
        JsonNode limit = m.getSchemaNode();
        JsonNode value = m.getInstanceNode();
        String message = switch (code) {
            case "required" -> label + " is required";
            case "additionalProperties" -> additional(m, schema, subject, property);
            case "maxLength" -> label + " must be at most " + limit.asInt() + " characters, got " + length(value);
            case "minLength" ->
                limit.asInt() == 1
                        ? label + " must not be empty"
                        : label + " must be at least " + limit.asInt() + " characters, got " + length(value);
            case "maximum" -> label + " must be at most " + limit.asText() + ", got " + value.asText();
            case "minimum" -> label + " must be at least " + limit.asText() + ", got " + value.asText();
            case "exclusiveMaximum" -> label + " must be less than " + limit.asText() + ", got " + value.asText();
            case "exclusiveMinimum" -> label + " must be more than " + limit.asText() + ", got " + value.asText();
            case "maxItems" -> label + " may hold at most " + limit.asInt() + " items, got " + value.size();
            case "minItems" -> label + " needs at least " + limit.asInt() + " items, got " + value.size();
            case "uniqueItems" -> label + " must not list the same item twice";
            case "type" ->
                DATE_TIME.equals(labels.format(parent(m)))
                        ? label + " must be " + dateTime(m, schema) + ", got " + describe(value)
                        : label + " must be " + article(limit) + ", got " + describe(value);
            case "enum" -> label + " must be one of " + list(limit) + "; got " + shown(value);
            case "const" -> label + " must be " + shown(limit) + ", got " + shown(value);
            case "pattern" -> pattern(m, schema, label, limit, value);
            case "format" ->
                DATE_TIME.equals(limit.asText())
                        ? label + " must be " + dateTime(m, schema) + ", got " + shown(value)
                        : label + " must be a valid " + limit.asText() + example(m, schema, " such as ") + ", got "
                                + shown(value);
            case "dependentRequired" -> dependent(m, label);
            default -> label + ": " + withoutPath(m.getMessage());
        };
        Fault fault = PageFaults.at(pointer, componentId, componentType, code, message);
        String[] values = values(code, limit, value);
        if (values != null && "type".equals(code) && DATE_TIME.equals(labels.format(parent(m)))) {
            values[0] = "an ISO-8601 date-time with a time zone";
        }
        return values == null ? fault : fault.withValues(values[0], values[1]);
    }

    /** {expected, actual} for the keywords whose limit and value say it plainly; null for the rest. */
    private static String[] values(String code, JsonNode limit, JsonNode value) {
        if (limit == null || value == null) {
            return null;
        }
        return switch (code) {
            case "maxLength" ->
                new String[] {"at most " + limit.asInt() + " characters", length(value) + " characters"};
            case "minLength" ->
                new String[] {"at least " + limit.asInt() + " characters", length(value) + " characters"};
            case "maximum" -> new String[] {"at most " + limit.asText(), value.asText()};
            case "minimum" -> new String[] {"at least " + limit.asText(), value.asText()};
            case "exclusiveMaximum" -> new String[] {"less than " + limit.asText(), value.asText()};
            case "exclusiveMinimum" -> new String[] {"more than " + limit.asText(), value.asText()};
            case "maxItems" -> new String[] {"at most " + limit.asInt() + " items", value.size() + " items"};
            case "minItems" -> new String[] {"at least " + limit.asInt() + " items", value.size() + " items"};
            case "type" -> new String[] {article(limit), describe(value)};
            case "enum" -> new String[] {"one of " + list(limit), shown(value)};
            case "const" -> new String[] {shown(limit), shown(value)};
            default -> null;
        };
    }

    private String additional(ValidationMessage m, SchemaCatalog.Compiled schema, String subject, String property) {
        String owner = m.getInstanceLocation().getNameCount() == 0
                ? subject
                : labels.label(schema, m.getInstanceLocation(), null);
        List<String> known = labels.propertyNames(parent(m));
        return owner + " has no property '" + property + "'"
                + (known.isEmpty() ? "" : "; known properties: " + String.join(", ", known));
    }

    /** What RFC 3339 (the profile of ISO 8601 JSON Schema's date-time means) asks for, with the schema's example. */
    private String dateTime(ValidationMessage m, SchemaCatalog.Compiled schema) {
        String example = example(m, schema, "");
        return "an ISO-8601 date-time with a time zone, such as "
                + (example.isEmpty() ? "2026-11-11T00:00:00+08:00" : example);
    }

    private String pattern(
            ValidationMessage m, SchemaCatalog.Compiled schema, String label, JsonNode limit, JsonNode value) {
        String example = example(m, schema, "");
        return example.isEmpty()
                ? label + " must match the pattern " + limit.asText() + ", got " + shown(value)
                : label + " must look like " + example + ", got " + shown(value);
    }

    /** The property's own example if it has one, else the one next to the failed keyword. */
    private String example(ValidationMessage m, SchemaCatalog.Compiled schema, String prefix) {
        String example = labels.example(schema, m.getInstanceLocation());
        if (example == null) {
            example = labels.example(parent(m));
        }
        return example == null ? "" : prefix + example;
    }

    /** The library's arguments are the missing property, then the one that requires it. */
    private static String dependent(ValidationMessage m, String label) {
        Object[] args = m.getArguments();
        if (args == null || args.length < 2) {
            return label + ": " + withoutPath(m.getMessage());
        }
        return label + " needs '" + args[0] + "' when '" + args[1] + "' is given";
    }

    /** The schema object that holds the failed keyword. */
    private static URI parent(ValidationMessage m) {
        String location = m.getSchemaLocation().toString();
        int slash = location.lastIndexOf('/');
        int hash = location.indexOf('#');
        try {
            return URI.create(slash > hash && hash >= 0 ? location.substring(0, slash) : location);
        } catch (IllegalArgumentException e) {
            return URI.create(SchemaCatalog.BASE);
        }
    }

    private static int length(JsonNode value) {
        String text = value.asText();
        return text.codePointCount(0, text.length());
    }

    private static String article(JsonNode types) {
        String joined = types.isArray()
                ? java.util.stream.StreamSupport.stream(types.spliterator(), false)
                        .map(JsonNode::asText)
                        .collect(Collectors.joining(" or "))
                : types.asText();
        return switch (joined) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> "a " + joined;
        };
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the text " + shown(value);
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static String list(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(v -> shown.add(v.isTextual() ? v.asText() : v.toString()));
        return String.join(", ", shown);
    }

    static String shown(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        if (text.length() > MAX_SHOWN_CHARS) {
            text = text.substring(0, MAX_SHOWN_CHARS) + "…";
        }
        return value.isTextual() ? "\"" + text + "\"" : text;
    }

    private static String withoutPath(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : message;
    }
}
