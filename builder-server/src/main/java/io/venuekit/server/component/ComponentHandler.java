package io.venuekit.server.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/components[/{type}]}: the builder's palette. Schema files change only with a
 * deployment, so the answers are built once.
 */
public final class ComponentHandler {

    private static final String COMMON = "venuekit/components/common.json";

    private final ComponentRegistry registry;
    private final ObjectNode palette;

    public ComponentHandler(ComponentRegistry registry) {
        this.registry = registry;
        this.palette = Json.MAPPER.createObjectNode();
        ArrayNode list = palette.putArray("components");
        registry.all().forEach(schema -> list.add(entry(schema)));
        palette.set("common", readCommon());
    }

    public void list(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "public, max-age=60");
        Json.send(ctx, 200, palette);
    }

    public void get(RoutingContext ctx) {
        String type = ctx.pathParam("type");
        ComponentSchema schema = registry.find(type)
                .orElseThrow(() -> new ApiException(
                        404,
                        "unknown-component",
                        "There is no component type \"" + type + "\". Known types: "
                                + String.join(", ", registry.types()) + "."));
        ctx.response().putHeader("Cache-Control", "public, max-age=60");
        Json.send(ctx, 200, entry(schema));
    }

    /** The schema file as written, plus the defaults collected from it. */
    private static ObjectNode entry(ComponentSchema schema) {
        ObjectNode entry = ((ObjectNode) schema.file()).deepCopy();
        entry.set("defaults", schema.defaults());
        return entry;
    }

    private static JsonNode readCommon() {
        try (InputStream in = ComponentHandler.class.getClassLoader().getResourceAsStream(COMMON)) {
            return in == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
