package io.venuekit.renderer.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A page's live data ({@code GET /v1/venues/{slug}/live}) as the templates of a page without script
 * need it: per bound component its current prices as text and whether it is sold out, and which
 * components are hidden. The same rules as the live script ({@code vk-live.js}), applied on the server.
 */
final class LiveValues {

    private static final String[] MONEY_FIELDS = {"price", "originalPrice", "amount", "threshold"};

    /** The live data could not be read: bound components show no price rather than a published one. */
    static final LiveValues UNAVAILABLE = new LiveValues(null);

    private final JsonNode items;
    private final Set<String> soldOut = new HashSet<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> unresolved = new HashSet<>();

    private LiveValues(JsonNode live) {
        this.items = live == null ? null : live.path("items");
        if (live != null) {
            live.path("soldOut").forEach(id -> soldOut.add(id.asText()));
            live.path("hidden").forEach(h -> hidden.add(h.path("component").asText()));
            live.path("unresolved")
                    .forEach(u -> unresolved.add(u.path("component").asText()));
        }
    }

    /** @param live the live data's payload, or null when it is unavailable */
    static LiveValues of(JsonNode live) {
        return live == null ? UNAVAILABLE : new LiveValues(live);
    }

    boolean hidden(String componentId) {
        return hidden.contains(componentId);
    }

    /**
     * The component's live fields ({@code price}, {@code originalPrice}, {@code amount}, {@code threshold}
     * as text, {@code soldOut}), an empty map when its prices must not show, or null when it binds nothing
     * served here (the app's own services): then it keeps what was published.
     */
    Map<String, Object> forComponent(String componentId, String bind) {
        if (bind == null || unresolved.contains(componentId)) {
            return null;
        }
        if (items == null) {
            return Map.of();
        }
        JsonNode item = itemFor(bind);
        if (item == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : MONEY_FIELDS) {
            JsonNode money = item.path(field);
            if (money.path("cents").canConvertToLong()) {
                out.put(
                        field,
                        ViewModel.money(
                                money.path("cents").asLong(),
                                money.path("currency").asText("CNY")));
            }
        }
        out.put("soldOut", soldOut.contains(componentId) || item.path("soldOut").asBoolean());
        return out;
    }

    /** The first of the component's {@code source:id} references the live data has an item for. */
    private JsonNode itemFor(String bind) {
        for (String ref : bind.split(" ")) {
            int at = ref.indexOf(':');
            if (at > 0) {
                JsonNode item = items.path(ref.substring(0, at)).path(ref.substring(at + 1));
                if (item.isObject()) {
                    return item;
                }
            }
        }
        return null;
    }
}
