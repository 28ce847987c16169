package io.venuekit.renderer;

import static io.venuekit.renderer.RenderContext.Degradation.DROP;
import static io.venuekit.renderer.RenderContext.Degradation.FALLBACK;
import static io.venuekit.renderer.RenderContext.Degradation.MOTION;
import static io.venuekit.renderer.RenderContext.Degradation.PROPS;
import static io.venuekit.renderer.RenderContext.Degradation.REPLACE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders one component of a snapshot for one request, from what its schema file declares and
 * nothing else: targeting, the tier's {@code drop}, {@code replaceWith}, prop overrides and child
 * cap, the {@code fallback} chain for clients that do not know the type, reduced motion, images.
 * Never mutates the snapshot.
 */
final class ComponentResolver {

    /**
     * A rendered component.
     *
     * @param title     the title of its type as rendered
     * @param lazyTitle the title of the type whose tier policy defers it past the first screen (it or
     *                  a component inside it), or null when nothing does
     * @param lazySelf  whether that is the component itself
     */
    record Resolved(ObjectNode node, String title, String lazyTitle, boolean lazySelf) {

        boolean lazy() {
            return lazyTitle != null;
        }
    }

    /** Enough to follow any sane chain (tier replacement then fallbacks), few enough to stop a cycle. */
    private static final int MAX_STEPS = 8;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, ComponentRules> rules;
    private final LinkGuard links;

    ComponentResolver(Map<String, ComponentRules> rules, LinkGuard links) {
        this.rules = rules;
        this.links = links;
    }

    /** The component rendered {@code cssWidth} CSS pixels wide, or null when it is not shown (and recorded why). */
    Resolved resolve(JsonNode component, RenderContext ctx, double cssWidth) {
        if (Experiments.is(component)) {
            return resolveExperiment(component, ctx, cssWidth);
        }
        Chain chain = chain(component, ctx);
        if (chain == null) {
            return null;
        }
        String id = chain.id();
        String type = chain.type();
        ComponentRules current = chain.rules();
        ObjectNode merged = chain.props();
        JsonNode children = chain.children();
        links.clean(id, merged, current, ctx);
        ActionProps.resolve(id, merged, current, ctx);
        ImageProps.resolve(id, merged, current, ctx, cssWidth);
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("type", type);
        node.set("props", merged);
        node.set("tracking", tracking(ctx.pageId, id));
        ObjectNode data = dataReferences(current, merged);
        if (data != null) {
            node.set("data", data);
        }
        String[] lazyChild = {null};
        node.set("children", resolveChildren(id, children, current, merged, ctx, cssWidth, lazyChild));
        // a module holding a lazy component (a feed inside a section) is deferred as a whole
        String title = current.schema().title();
        return chain.lazyTitle() != null
                ? new Resolved(node, title, chain.lazyTitle(), true)
                : new Resolved(node, title, lazyChild[0], false);
    }

    /**
     * The live data the component shows, as references the client fetches itself
     * ({@code {"product": {"source": "product", "id": "sku-1"}}}): prices, stock and claim counts
     * change by the second, and a published layout is cached as immutable bytes.
     */
    private static ObjectNode dataReferences(ComponentRules rules, ObjectNode props) {
        ObjectNode data = null;
        for (Map.Entry<String, ComponentSchema.DataBinding> binding :
                rules.schema().data().entrySet()) {
            JsonNode id = props.get(binding.getValue().prop());
            if (id != null && id.isTextual() && !id.asText().isEmpty()) {
                if (data == null) {
                    data = NODES.objectNode();
                }
                data.putObject(binding.getKey())
                        .put("source", binding.getValue().source())
                        .put("id", id.asText());
            }
        }
        return data;
    }

    /** Whether the component is shown to this request at all; cheaper than {@link #resolve}: no children, no images. */
    boolean shows(JsonNode component, RenderContext ctx) {
        if (Experiments.is(component)) {
            Assigned assigned = assigned(component, ctx);
            return assigned != null && shows(assigned.child(), ctx);
        }
        return chain(component, ctx) != null;
    }

    /**
     * Where events about a component are counted: {@code id} is the component's, {@code slot} the
     * place it fills (its own id, or the experiment's when it is one of its variants), both
     * prefixed by the page's id so they stay the same across versions, tiers and replacements.
     */
    private static ObjectNode tracking(String pageId, String componentId) {
        ObjectNode tracking = NODES.objectNode();
        tracking.put("id", pageId + ":" + componentId);
        tracking.put("slot", pageId + ":" + componentId);
        return tracking;
    }

    /**
     * An experiment shows the variant the request's user is assigned, in its place: the variant's
     * tracking names the experiment as its slot, and the variant by name.
     */
    private Resolved resolveExperiment(JsonNode experiment, RenderContext ctx, double cssWidth) {
        Assigned assigned = assigned(experiment, ctx);
        if (assigned == null) {
            return null;
        }
        Resolved r = resolve(assigned.child(), ctx, cssWidth);
        if (r != null) {
            String experimentId = experiment.path("id").asText("");
            ObjectNode tracking = (ObjectNode) r.node().get("tracking");
            tracking.put("slot", ctx.pageId + ":" + experimentId);
            tracking.put("experiment", experimentId);
            tracking.put("variant", assigned.pick().name());
        }
        return r;
    }

    /** A variant the request's user is assigned: the experiment's child and the pick that chose it. */
    private record Assigned(JsonNode child, Experiments.Pick pick) {}

    /** The variant the request's user is assigned, or null (recorded) when the experiment is hidden or malformed. */
    private static Assigned assigned(JsonNode experiment, RenderContext ctx) {
        if (!Targeting.admits(experiment.get("targeting"), ctx.request)) {
            return null;
        }
        Experiments.Pick pick = Experiments.pick(ctx.pageId, experiment, ctx.request.subject());
        String id = experiment.path("id").asText("");
        if (pick == null) {
            ctx.substitute(
                    id,
                    Experiments.TYPE,
                    null,
                    DROP,
                    "experiment without one child per variant; left out",
                    "Experiment left out: it needs one child per variant");
            return null;
        }
        JsonNode child = experiment.path("children").get(pick.index());
        return child == null ? null : new Assigned(child, pick);
    }

    private record Chain(
            String id, String type, ComponentRules rules, ObjectNode props, JsonNode children, String lazyTitle) {}

    /**
     * What the component becomes for this request: the type, after the tier's drop or
     * replacement and the client's fallbacks, with its final props (images not yet resolved);
     * null when it is not shown, recorded in the context unless targeting hid it.
     */
    private Chain chain(JsonNode component, RenderContext ctx) {
        if (!Targeting.admits(component.get("targeting"), ctx.request)) {
            return null;
        }
        String id = component.path("id").asText("");
        String type = component.path("type").asText("");
        JsonNode props = component.path("props");
        JsonNode children = component.path("children");
        String lazy = null;
        List<String> seen = new ArrayList<>();
        for (int step = 0; ; step++) {
            ComponentRules current = rules.get(type);
            if (current == null) {
                String reason = "unknown component type '" + type + "'; left out";
                ctx.substitute(id, type, null, DROP, reason, "left out: " + reason.substring(0, reason.indexOf(';')));
                return null;
            }
            if (seen.contains(type) || step >= MAX_STEPS) {
                String reason = "replacements loop through " + seen + "; left out";
                ctx.substitute(
                        id, type, null, DROP, reason, title(type) + " left out: its replacements loop through " + seen);
                return null;
            }
            seen.add(type);
            ComponentSchema schema = current.schema();
            ObjectNode merged = PropsMapping.withDefaults(schema, props);
            ComponentSchema.TierPolicy policy = schema.tier(ctx.tierId);
            if (policy.lazy() && lazy == null) {
                lazy = schema.title();
            }
            if (policy.drop()) {
                ctx.substitute(
                        id,
                        type,
                        null,
                        DROP,
                        "tier " + ctx.tierId + " drops " + type,
                        schema.title() + " left out on " + ctx.tierId);
                return null;
            }
            if (policy.replaceWith() != null) {
                String to = policy.replaceWith().type();
                ctx.substitute(
                        id,
                        type,
                        to,
                        REPLACE,
                        "tier " + ctx.tierId + " replaces " + type + " with " + to,
                        schema.title() + " → " + title(to) + " on " + ctx.tierId);
                props = PropsMapping.mapProps(merged, policy.replaceWith());
                type = to;
                continue;
            }
            if (!ctx.caps.supports(type)) {
                String to = schema.fallback();
                if (to == null || !rules.containsKey(to)) {
                    ctx.substitute(
                            id,
                            type,
                            null,
                            FALLBACK,
                            "client does not support " + type + " and it has no supported fallback; left out",
                            schema.title() + " left out: the client does not support " + type
                                    + " and it has no fallback");
                    return null;
                }
                ObjectNode mapped = PropsMapping.fallbackProps(current, merged, rules.get(to));
                String missing = PropsMapping.missingRequired(rules.get(to), mapped);
                if (missing != null) {
                    JsonNode promoted = PropsMapping.firstChildOfType(children, to);
                    if (promoted == null) {
                        ctx.substitute(
                                id,
                                type,
                                null,
                                FALLBACK,
                                "client does not support " + type + " and its fallback " + to + " would lack '"
                                        + missing + "'; left out",
                                schema.title() + " left out: the client does not support " + type + " and its fallback "
                                        + title(to) + " would lack '" + missing + "'");
                        return null;
                    }
                    ctx.substitute(
                            id,
                            type,
                            to,
                            FALLBACK,
                            "client does not support " + type + "; showing its first " + to,
                            schema.title() + " → its first " + title(to) + ": the client does not support " + type);
                    mapped = promoted.path("props").deepCopy();
                    children = promoted.path("children");
                } else {
                    ctx.substitute(
                            id,
                            type,
                            to,
                            FALLBACK,
                            "client does not support " + type,
                            schema.title() + " → " + title(to) + ": the client does not support " + type);
                }
                props = mapped;
                type = to;
                continue;
            }
            ObjectNode overrides = policy.props();
            if (overrides != null) {
                override(id, current, merged, overrides, PROPS, " on " + ctx.tierId, ctx);
            }
            if (ctx.profile.reducedMotion()) {
                override(id, current, merged, current.motion(), MOTION, " for reduced motion", ctx);
            }
            return new Chain(id, type, current, merged, children, lazy);
        }
    }

    /** Applies prop overrides, recording each that changes a value (one that changes nothing degrades nothing). */
    private static void override(
            String id,
            ComponentRules rules,
            ObjectNode props,
            ObjectNode overrides,
            RenderContext.Degradation kind,
            String why,
            RenderContext ctx) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode was = props.get(e.getKey());
            if (e.getValue().equals(was)) {
                continue;
            }
            props.set(e.getKey(), e.getValue().deepCopy());
            ctx.degrade(
                    id,
                    rules.schema().type(),
                    kind,
                    rules.schema().title() + ": " + rules.propTitle(e.getKey()) + " " + change(e.getValue()) + why
                            + (e.getValue().isBoolean() || was == null ? "" : " (was " + was + ")"),
                    "/props/" + escape(e.getKey()));
        }
    }

    /** "switched off", "set to \"plain\"". */
    private static String change(JsonNode to) {
        if (to.isBoolean()) {
            return to.booleanValue() ? "switched on" : "switched off";
        }
        return "set to " + to;
    }

    private String title(String type) {
        ComponentRules r = rules.get(type);
        return r == null ? type : r.schema().title();
    }

    private ArrayNode resolveChildren(
            String id,
            JsonNode children,
            ComponentRules rules,
            ObjectNode props,
            RenderContext ctx,
            double cssWidth,
            String[] lazy) {
        ArrayNode out = NODES.arrayNode();
        if (!children.isArray() || children.isEmpty()) {
            return out;
        }
        ComponentSchema schema = rules.schema();
        if (schema.slots().max() == 0) {
            ctx.warn(
                    id,
                    "/children",
                    "children-left-out",
                    schema.type() + " takes no children; " + children.size() + " left out");
            return out;
        }
        Integer cap = schema.tier(ctx.tierId).maxChildren();
        int limit =
                Math.min(cap == null ? Integer.MAX_VALUE : cap, schema.slots().max());
        // a numeric "columns" prop splits the width among the children, whatever the container is
        int columns = Math.max(1, props.path("columns").asInt(1));
        double childWidth = cssWidth / columns;
        int i = 0;
        for (; i < children.size() && out.size() < limit; i++) {
            Resolved r = resolve(children.get(i), ctx, childWidth);
            if (r != null) {
                out.add(r.node());
                if (lazy[0] == null) {
                    lazy[0] = r.lazyTitle();
                }
            }
        }
        int leftOut = 0;
        for (; i < children.size(); i++) {
            // only those this request would have seen: targeting may hide some anyway
            leftOut += shows(children.get(i), ctx.scratch()) ? 1 : 0;
        }
        if (leftOut > 0) {
            boolean byTier = cap != null && cap <= schema.slots().max();
            ctx.degrade(
                    id,
                    schema.type(),
                    RenderContext.Degradation.CAP,
                    schema.title() + " shows " + out.size() + " of its "
                            + (out.size() + leftOut) + " children"
                            + (byTier ? " on " + ctx.tierId : ", the most it may hold") + "; "
                            + leftOut + " left out",
                    "/children");
        }
        return out;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
