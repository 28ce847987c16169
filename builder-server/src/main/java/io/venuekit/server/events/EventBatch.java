package io.venuekit.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.faults.Fault;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One batch of exposure and click events from a client, checked whole: every fault comes back at
 * once with its JSON pointer, and a batch with any fault is refused entirely (a client sends the
 * same batch id again after fixing it).
 *
 * <pre>{"batch": "b-…", "page": "&lt;page id&gt;", "version": 7, "tier": "low",
 *  "events": [{"type": "exposure", "tracking": "&lt;the component's tracking.id&gt;", "variant": "b", "count": 1}]}</pre>
 */
public record EventBatch(String batch, String page, int version, String tier, List<Event> events) {

    public static final int MAX_EVENTS = 500;
    public static final int MAX_COUNT = 1000;
    public static final int MAX_BYTES = 64 * 1024;
    static final Set<String> TYPES = Set.of("exposure", "click");
    static final Set<String> TIERS = Set.of("high", "mid", "low");
    private static final Pattern BATCH = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Pattern PAGE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    private static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** @param variant the experiment variant shown, or null outside experiments */
    public record Event(String type, String tracking, String variant, int count) {}

    public static EventBatch parse(JsonNode body) {
        List<Fault> faults = new ArrayList<>();
        String batch = text(
                body, "batch", BATCH, "must be a batch id of 8 to 128 of A-Z a-z 0-9 . _ : - (a UUID will do)", faults);
        String page = text(body, "page", PAGE, "must be the page id from the layout's page.id", faults);
        JsonNode v = body.get("version");
        int version = 0;
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            faults.add(Fault.error(
                    "/version",
                    v == null ? "required" : "type",
                    "must be the layout's page.version, a whole number from 1, got " + Json.describe(v)));
        } else {
            version = v.asInt();
        }
        JsonNode t = body.get("tier");
        String tier = null;
        if (t == null || !t.isTextual() || !TIERS.contains(t.asText())) {
            faults.add(Fault.error(
                    "/tier", t == null ? "required" : "enum", "must be the layout's device.tier: high, mid or low"));
        } else {
            tier = t.asText();
        }
        List<Event> events = new ArrayList<>();
        JsonNode list = body.get("events");
        if (list == null || !list.isArray() || list.isEmpty()) {
            faults.add(Fault.error(
                    "/events", list == null ? "required" : "type", "must be a list of 1 to " + MAX_EVENTS + " events"));
        } else if (list.size() > MAX_EVENTS) {
            faults.add(Fault.error(
                    "/events",
                    "too-many",
                    "holds " + list.size() + " events; send at most " + MAX_EVENTS + " per batch"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Event e = event(list.get(i), "/events/" + i, faults);
                if (e != null) {
                    events.add(e);
                }
            }
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!Set.of("batch", "page", "version", "tier", "events").contains(name)) {
                faults.add(Fault.error(
                        "/" + name.replace("~", "~0").replace("/", "~1"),
                        "unknown",
                        "is not a batch field (batch, page, version, tier, events)"));
            }
        }
        if (!faults.isEmpty()) {
            throw new ApiException(
                    400,
                    "invalid-events",
                    "The event batch has " + faults.size() + " fault" + (faults.size() == 1 ? "" : "s")
                            + "; none of it was counted.",
                    faults,
                    null);
        }
        return new EventBatch(batch, page, version, tier, List.copyOf(events));
    }

    private static Event event(JsonNode e, String at, List<Fault> faults) {
        if (!e.isObject()) {
            faults.add(Fault.error(at, "type", "must be an object {\"type\", \"tracking\", \"variant\"?, \"count\"?}"));
            return null;
        }
        int before = faults.size();
        JsonNode type = e.get("type");
        if (type == null || !type.isTextual() || !TYPES.contains(type.asText())) {
            faults.add(Fault.error(at + "/type", type == null ? "required" : "enum", "must be exposure or click"));
        }
        String tracking =
                text(e, "tracking", TRACKING, "must be the component's tracking.id from the layout", faults, at);
        String variant = null;
        JsonNode v = e.get("variant");
        if (v != null && !v.isNull()) {
            if (!v.isTextual() || !VARIANT.matcher(v.asText()).matches()) {
                faults.add(Fault.error(at + "/variant", "pattern", "must be the tracking.variant from the layout"));
            } else {
                variant = v.asText();
            }
        }
        int count = 1;
        JsonNode c = e.get("count");
        if (c != null) {
            if (!c.isIntegralNumber() || !c.canConvertToInt() || c.asInt() < 1 || c.asInt() > MAX_COUNT) {
                faults.add(Fault.error(at + "/count", "range", "must be a whole number from 1 to " + MAX_COUNT));
            } else {
                count = c.asInt();
            }
        }
        return faults.size() == before ? new Event(type.asText(), tracking, variant, count) : null;
    }

    private static String text(JsonNode node, String field, Pattern pattern, String rule, List<Fault> faults) {
        return text(node, field, pattern, rule, faults, "");
    }

    private static String text(
            JsonNode node, String field, Pattern pattern, String rule, List<Fault> faults, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || !pattern.matcher(v.asText()).matches()) {
            faults.add(Fault.error(at + "/" + field, v == null ? "required" : "pattern", rule));
            return null;
        }
        return v.asText();
    }
}
