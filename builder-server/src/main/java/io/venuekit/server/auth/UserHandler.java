package io.venuekit.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/users} and {@code GET /api/users} (operators only, as {@link AuthHandler} sees to). */
public final class UserHandler {

    private final UserService users;

    public UserHandler(UserService users) {
        this.users = users;
    }

    public void create(RoutingContext ctx) {
        JsonNode body = Json.readObject(ctx);
        Requests.blocking(
                        ctx,
                        () -> users.create(
                                body.path("name").asText(null),
                                body.path("role").asText(null)))
                .onSuccess(created -> {
                    ObjectNode json = Json.MAPPER
                            .createObjectNode()
                            .put("name", created.user().name())
                            .put("role", created.user().role().id())
                            .put("token", created.token());
                    Json.send(ctx, 201, json);
                })
                .onFailure(ctx::fail);
    }

    public void list(RoutingContext ctx) {
        Requests.blocking(ctx, users::list)
                .onSuccess(all -> {
                    ObjectNode json = Json.MAPPER.createObjectNode();
                    ArrayNode array = json.putArray("users");
                    all.forEach(u -> array.addObject()
                            .put("name", u.name())
                            .put("role", u.role().id()));
                    Json.send(ctx, 200, json);
                })
                .onFailure(ctx::fail);
    }

    /** For routes that exist only when tokens are on. */
    public static void tokensOff(RoutingContext ctx) {
        throw new ApiException(
                404,
                "tokens-off",
                "Users and tokens exist only with AUTH=tokens; this server trusts the gateway's " + Requests.USER_HEADER
                        + " header.");
    }
}
