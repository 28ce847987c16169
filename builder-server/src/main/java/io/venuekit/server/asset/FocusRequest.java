package io.venuekit.server.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.crop.Focus;
import io.venuekit.faults.Fault;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code {"x","y"}} or {@code {"x","y","w","h"}} (fractions 0..1 of the image), reporting every fault at once. */
final class FocusRequest {

    private FocusRequest() {}

    static Focus parse(ObjectNode body) {
        List<Fault> faults = new ArrayList<>();
        Double x = fraction(body, "x", true, faults);
        Double y = fraction(body, "y", true, faults);
        Double w = size(body, "w", faults);
        Double h = size(body, "h", faults);
        if (present(body, "w") != present(body, "h")) {
            String missing = present(body, "w") ? "h" : "w";
            faults.add(Fault.error(
                    "/" + missing,
                    "required",
                    "a focus region needs both w and h; send " + missing + " too, or neither for a focus point"));
        }
        if (faults.isEmpty() && w != null && h != null) {
            if (x + w > 1.0 + 1e-9) {
                faults.add(Fault.error("/w", "outside-image", "x + w must be at most 1, got " + (x + w)));
            }
            if (y + h > 1.0 + 1e-9) {
                faults.add(Fault.error("/h", "outside-image", "y + h must be at most 1, got " + (y + h)));
            }
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!List.of("x", "y", "w", "h").contains(name)) {
                faults.add(Fault.error(
                        "/" + name,
                        "unknown-property",
                        "unknown property \"" + name + "\"; a focus has x, y and optionally w, h"));
            }
        });
        if (!faults.isEmpty()) {
            throw new ApiException(
                    400,
                    "invalid-focus",
                    "The focus is not valid: "
                            + faults.stream()
                                    .map(f -> f.pointer() + ": " + f.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse("")
                            + ". Send fractions of the image from 0 to 1, e.g. {\"x\": 0.3, \"y\": 0.4}.",
                    faults,
                    null);
        }
        return w == null || h == null ? Focus.point(x, y) : new Focus(x, y, w, h);
    }

    private static boolean present(ObjectNode body, String name) {
        return body.hasNonNull(name);
    }

    /** A box side: a fraction above 0, since a box without area keeps nothing and would be planned around as a point. */
    private static Double size(ObjectNode body, String name, List<Fault> faults) {
        Double d = fraction(body, name, false, faults);
        if (d != null && d <= 0) {
            faults.add(Fault.error(
                    "/" + name,
                    "range",
                    "must be greater than 0, got " + body.get(name).asText()
                            + "; send a focus point (x, y alone) to keep one spot in view"));
            return null;
        }
        return d;
    }

    private static Double fraction(ObjectNode body, String name, boolean required, List<Fault> faults) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                faults.add(Fault.error("/" + name, "required", "is required: a fraction of the image from 0 to 1"));
            }
            return null;
        }
        if (!v.isNumber()) {
            faults.add(Fault.error("/" + name, "type", "must be a number from 0 to 1, got " + Json.describe(v)));
            return null;
        }
        double d = v.asDouble();
        if (!(d >= 0 && d <= 1)) {
            faults.add(Fault.error("/" + name, "range", "must be between 0 and 1, got " + v.asText()));
            return null;
        }
        return d;
    }
}
