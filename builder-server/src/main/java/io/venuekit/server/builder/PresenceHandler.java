package io.venuekit.server.builder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.faults.Fault;
import io.venuekit.server.auth.AuthHandler;
import io.venuekit.server.auth.User;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /api/pages/{id}/presence {"tab": "<random id>"}}: this editor has the page open;
 * the answer lists who else has: {@code {"others": [{"name", "since"}]}}.
 * {@code DELETE /api/pages/{id}/presence?tab=…}: the editor closed.
 */
public final class PresenceHandler {

    private static final Pattern TAB = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Presence presence;

    public PresenceHandler(Presence presence) {
        this.presence = presence;
    }

    public void beat(RoutingContext ctx) {
        ObjectNode body = Json.readObject(ctx);
        String tab = tab(body.path("tab").asText(null));
        User user = ctx.get(AuthHandler.USER);
        List<Presence.Tab> others = presence.beat(ctx.pathParam("id"), tab, user == null ? "?" : user.name());
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode list = answer.putArray("others");
        for (Presence.Tab t : others) {
            list.addObject().put("name", t.user()).put("since", t.since().toString());
        }
        ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(answer.toString());
    }

    public void leave(RoutingContext ctx) {
        presence.leave(ctx.pathParam("id"), tab(ctx.request().getParam("tab")));
        ctx.response().setStatusCode(204).end();
    }

    private static String tab(String tab) {
        if (tab == null || !TAB.matcher(tab).matches()) {
            throw new ApiException(
                    400,
                    "bad-tab",
                    "tab must be 8 to 64 letters, digits, '_' or '-' (a random id the editor makes up), got "
                            + (tab == null ? "none" : "\"" + tab.replaceAll("[^\\x20-\\x7e]", "?") + "\"") + ".",
                    List.of(Fault.error("/tab", "pattern", "8 to 64 letters, digits, '_' or '-'")),
                    null);
        }
        return tab;
    }
}
