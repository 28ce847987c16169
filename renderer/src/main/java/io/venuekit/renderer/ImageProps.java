package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Replaces each image prop a type declares ({@code {"asset", "focus"}}) with the variant that fits
 * the request, at the component's share of the width; a missing asset becomes null and a warning.
 */
final class ImageProps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ImageProps() {}

    static void resolve(String id, ObjectNode props, ComponentRules rules, RenderContext ctx, double cssWidth) {
        for (ComponentRules.ImageRule image : rules.images()) {
            walk(id, props, image, 0, "", ctx, cssWidth * image.widthFraction());
        }
    }

    private static void walk(
            String id,
            JsonNode container,
            ComponentRules.ImageRule image,
            int i,
            String path,
            RenderContext ctx,
            double width) {
        String seg = image.segments()[i];
        boolean last = i == image.segments().length - 1;
        if (seg.equals("*")) {
            if (!container.isArray()) {
                return;
            }
            for (int k = 0; k < container.size(); k++) {
                visit(id, container, k, null, image, i, last, path + "/" + k, ctx, width);
            }
        } else if (container.isObject() && container.has(seg)) {
            visit(id, container, -1, seg, image, i, last, path + "/" + escape(seg), ctx, width);
        }
    }

    private static void visit(
            String id,
            JsonNode container,
            int index,
            String key,
            ComponentRules.ImageRule image,
            int i,
            boolean last,
            String path,
            RenderContext ctx,
            double width) {
        JsonNode value = key == null ? container.get(index) : container.get(key);
        if (!last) {
            walk(id, value, image, i + 1, path, ctx, width);
            return;
        }
        if (value == null || value.isNull() || !value.isObject()) {
            return;
        }
        var resolution = ctx.images.resolve(value, image.aspect(), width);
        if (resolution.problem() != null) {
            ctx.warn(id, "/props" + path, "image-unresolved", resolution.problem());
        }
        JsonNode resolved = resolution.image() == null ? NODES.nullNode() : resolution.image();
        if (key == null) {
            ((ArrayNode) container).set(index, resolved);
        } else {
            ((ObjectNode) container).set(key, resolved);
        }
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
