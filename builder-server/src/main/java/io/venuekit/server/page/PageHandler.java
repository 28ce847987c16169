package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.faults.Fault;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Headers;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** HTTP for {@code /api/pages}: parses, calls {@link PageService} off the event loop, answers. */
public final class PageHandler {

    private final PageService pages;

    public PageHandler(PageService pages) {
        this.pages = pages;
    }

    public void create(RoutingContext ctx) {
        ObjectNode body = Json.readObject(ctx);
        String actor = Requests.actor(ctx);
        Requests.blocking(ctx, () -> pages.create(actor, body))
                .onSuccess(page -> {
                    ctx.response()
                            .putHeader(
                                    "Location", "/api/pages/" + page.path("id").asText());
                    sendPage(ctx, 201, page);
                })
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/pages[?view=summary][&q=…]}: the drafts, or for the page list their summaries. */
    public void list(RoutingContext ctx) {
        int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
        String view = ctx.request().getParam("view");
        if (view != null && !view.equals("summary") && !view.equals("full")) {
            throw ApiException.badRequest(
                    "bad-view", "view must be summary or full, got \"" + Headers.printable(view) + "\".");
        }
        String query = ctx.request().getParam("q");
        boolean summary = "summary".equals(view) || query != null;
        Requests.blocking(ctx, () -> summary ? pages.summaries(limit, query) : pages.list(limit))
                .onSuccess(list -> Json.send(ctx, 200, arrayOf("pages", list)))
                .onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Requests.blocking(ctx, () -> pages.get(id))
                .onSuccess(page -> sendPage(ctx, 200, page))
                .onFailure(ctx::fail);
    }

    public void update(RoutingContext ctx) {
        ObjectNode body = Json.readObject(ctx);
        Long base = Requests.ifMatchVersion(ctx);
        if (base == null && body.has("version")) {
            JsonNode v = body.get("version");
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new ApiException(
                        400,
                        "invalid-version",
                        "\"version\" must be the whole-number version you edited.",
                        List.of(Fault.error("/version", "type", "must be a whole number, got " + Json.describe(v))),
                        null);
            }
            base = v.asLong();
        }
        Long baseVersion = base;
        String id = ctx.pathParam("id");
        String actor = Requests.actor(ctx);
        Requests.blocking(ctx, () -> pages.update(actor, id, baseVersion, body))
                .onSuccess(page -> sendPage(ctx, 200, page))
                .onFailure(ctx::fail);
    }

    public void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String actor = Requests.actor(ctx);
        Requests.blocking(ctx, () -> {
                    pages.delete(actor, id);
                    return id;
                })
                .onSuccess(done -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    public void restore(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String actor = Requests.actor(ctx);
        Requests.blocking(ctx, () -> pages.restore(actor, id))
                .onSuccess(page -> sendPage(ctx, 200, page))
                .onFailure(ctx::fail);
    }

    public void publish(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Long expected = Requests.ifMatchVersion(ctx);
        String actor = Requests.actor(ctx);
        Requests.blocking(ctx, () -> pages.publish(actor, id, expected))
                .onSuccess(snapshot -> Json.send(ctx, 201, snapshot))
                .onFailure(ctx::fail);
    }

    public void rollback(RoutingContext ctx) {
        ObjectNode body = Json.readObject(ctx);
        JsonNode to = body.path("to");
        // canConvertToInt: a number past 2^31 must not wrap round to an existing version
        if (!to.isIntegralNumber() || !to.canConvertToInt() || to.asInt() < 1) {
            throw new ApiException(
                    400,
                    "invalid-rollback",
                    "Say which published version to roll back to, e.g. {\"to\": 3}.",
                    List.of(Fault.error(
                            "/to",
                            "required",
                            "must be a published version number (1 or more), got "
                                    + (to.isNumber() ? to.asText() : Json.describe(to)))),
                    null);
        }
        String id = ctx.pathParam("id");
        String actor = Requests.actor(ctx);
        Requests.blocking(ctx, () -> pages.rollback(actor, id, to.asInt()))
                .onSuccess(snapshot -> Json.send(ctx, 201, snapshot))
                .onFailure(ctx::fail);
    }

    public void versions(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Requests.blocking(ctx, () -> pages.versions(id))
                .onSuccess(list -> Json.send(ctx, 200, arrayOf("versions", list)))
                .onFailure(ctx::fail);
    }

    public void version(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("number"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "not-a-number",
                    "The version must be a whole number, got \"" + Headers.printable(ctx.pathParam("number")) + "\".");
        }
        Requests.blocking(ctx, () -> pages.version(id, number))
                .onSuccess(snapshot -> Json.send(ctx, 200, snapshot))
                .onFailure(ctx::fail);
    }

    public void audit(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
        Requests.blocking(ctx, () -> pages.auditTrail(id, limit))
                .onSuccess(list -> Json.send(ctx, 200, arrayOf("entries", list)))
                .onFailure(ctx::fail);
    }

    private static void sendPage(RoutingContext ctx, int status, ObjectNode page) {
        ctx.response().putHeader("ETag", "\"" + page.path("version").asLong() + "\"");
        Json.send(ctx, status, page);
    }

    private static ObjectNode arrayOf(String name, List<ObjectNode> items) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode array = body.putArray(name);
        items.forEach(array::add);
        return body;
    }
}
