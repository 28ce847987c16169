package io.venuekit.renderer.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.links.LinkPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The payload tree as plain maps and lists for the templates, with what every template would
 * otherwise compute itself: the fragment to use per component, an {@code href} on every link
 * ({@code {"kind","target"}}; null for a url the {@link LinkPolicy} refuses, which the layout has
 * already left out: this is the second lock) and a {@code text} on every amount
 * ({@code {"cents","currency"}}). Works on value shapes, never on component types.
 */
final class ViewModel {

    private ViewModel() {}

    /**
     * @param live the page's live data to show in place of the published values (a page without script), or
     *             null to leave that to the live script; each component then gets {@code live} (see
     *             {@link LiveValues#forComponent}) and the hidden ones are left out
     */
    static List<Object> components(
            JsonNode components, Predicate<String> hasFragment, LinkPolicy links, LiveValues live) {
        List<Object> out = new ArrayList<>();
        for (JsonNode c : components) {
            String id = c.path("id").asText();
            if (live != null && live.hidden(id)) {
                continue;
            }
            Map<String, Object> node = new LinkedHashMap<>();
            String type = c.path("type").asText();
            String bind = bindings(c.path("data"));
            node.put("id", id);
            node.put("type", type);
            node.put("template", hasFragment.test(type) ? type : "_generic");
            node.put("props", value(c.path("props"), links));
            node.put("bind", bind);
            node.put("live", live == null ? null : live.forComponent(id, bind));
            node.put("action", action(c.path("props").path("action"), links));
            node.put("children", components(c.path("children"), hasFragment, links, live));
            out.add(node);
        }
        return out;
    }

    /**
     * The component's data references as {@code source:id} words ({@code data-vk-bind}), which the page's
     * live script looks up in {@code /v1/venues/{slug}/live}; null when it binds nothing.
     */
    static String bindings(JsonNode data) {
        StringBuilder out = new StringBuilder();
        data.forEach(ref -> {
            if (ref.path("source").isTextual() && ref.path("id").isTextual()) {
                out.append(out.isEmpty() ? "" : " ")
                        .append(ref.path("source").asText())
                        .append(':')
                        .append(ref.path("id").asText());
            }
        });
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * The component's action as JSON for {@code data-vk-action}, which the page's live script performs; a
     * link gets its {@code href} (and an action whose link the policy refuses is left out). Null without one.
     */
    static String action(JsonNode action, LinkPolicy links) {
        if (!action.isObject() || !action.path("type").isTextual()) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy =
                ((com.fasterxml.jackson.databind.node.ObjectNode) action).deepCopy();
        JsonNode link = action.path("link");
        if (link.isObject()) {
            String href = href(link.path("kind").asText(), link.path("target").asText(), links);
            if (href == null) {
                return null;
            }
            copy.put("href", href);
        }
        return copy.toString();
    }

    static Object value(JsonNode node, LinkPolicy links) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), value(e.getValue(), links));
            }
            if (node.has("kind") && node.has("target")) {
                map.put(
                        "href",
                        href(node.path("kind").asText(), node.path("target").asText(), links));
            }
            if (node.has("cents")) {
                map.put(
                        "text",
                        money(node.path("cents").asLong(), node.path("currency").asText("CNY")));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(v -> list.add(value(v, links)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    static String href(String kind, String target, LinkPolicy links) {
        return switch (kind) {
            case "url" -> links.allows(target) ? target : null;
            case "product" -> "/products/" + target;
            case "shop" -> "/shops/" + target;
            case "venue" -> "/venues/" + target;
            case "anchor" -> "#" + target;
            default -> "#";
        };
    }

    static String money(long cents, String currency) {
        String symbol = "CNY".equals(currency) ? "¥" : currency + " ";
        return symbol + String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
