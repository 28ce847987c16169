package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Field readers shared by the item types: each records a fault at its pointer instead of throwing. */
final class Read {

    private Read() {}

    static String id(JsonNode doc, ItemFaults faults) {
        JsonNode id = doc.get("id");
        if (id == null || !id.isTextual() || !ItemFaults.validId(id.asText())) {
            faults.add(
                    "/id",
                    id == null ? "required" : "pattern",
                    "must be an id of letters, digits and . _ : - (at most 64)");
            return null;
        }
        return id.asText();
    }

    static String text(JsonNode doc, String field, int max, boolean required, ItemFaults faults) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                faults.add("/" + field, "required", "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            faults.add("/" + field, "type", "must be text of 1 to " + max + " characters");
            return null;
        }
        return v.asText();
    }

    static long count(JsonNode doc, String field, long max, boolean required, ItemFaults faults) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                faults.add("/" + field, "required", "is required: a whole number from 0 to " + max);
            }
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > max) {
            faults.add("/" + field, "range", "must be a whole number from 0 to " + max);
            return 0;
        }
        return v.asLong();
    }

    static Instant instant(JsonNode doc, String field, ItemFaults faults) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            faults.add("/" + field, "format", "must be a date-time with an offset, like 2026-11-12T00:00:00+08:00");
            return null;
        }
    }

    static List<String> labels(JsonNode doc, ItemFaults faults) {
        JsonNode v = doc.get("labels");
        List<String> labels = new ArrayList<>();
        if (v == null || v.isNull()) {
            return labels;
        }
        if (!v.isArray() || v.size() > 10) {
            faults.add("/labels", "type", "must be a list of at most 10 labels");
            return labels;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode label = v.get(i);
            if (!label.isTextual() || label.asText().isBlank() || label.asText().length() > 16) {
                faults.add("/labels/" + i, "type", "must be text of 1 to 16 characters");
            } else {
                labels.add(label.asText());
            }
        }
        return labels;
    }
}
