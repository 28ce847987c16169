package io.venuekit.renderer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.faults.Fault;
import io.venuekit.faults.Severity;
import io.venuekit.renderer.image.ImageResolver;

/**
 * The state of one render call: who asks, and what the payload says it substituted, degraded or
 * could not do.
 */
final class RenderContext {

    /** What a degradation did, as the payload's {@code degradations[].kind} says it. */
    enum Degradation {
        /** the tier's replaceWith */
        REPLACE,
        /** the tier's drop, or a component left out because nothing can show it */
        DROP,
        /** the client does not know the type: its fallback */
        FALLBACK,
        /** the tier's maxChildren (or the type's slot maximum) cut children */
        CAP,
        /** the tier's prop overrides changed a value */
        PROPS,
        /** the user prefers reduced motion: the type's motion overrides changed a value */
        MOTION,
        /** the tier's lazy: deferred past the first screen */
        LAZY;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final String tierId;
    /** The page's id, which tracking ids and experiment assignments are scoped by. */
    final String pageId;

    final DeviceProfile profile;
    final ClientCapabilities caps;
    final RenderRequest request;
    final ImageResolver images;
    final double viewportWidth;
    final ArrayNode substitutions = NODES.arrayNode();
    final ArrayNode degradations = NODES.arrayNode();
    final ArrayNode warnings = NODES.arrayNode();

    RenderContext(
            String pageId,
            DeviceProfile profile,
            ClientCapabilities caps,
            RenderRequest request,
            ImageResolver images,
            double viewportWidth) {
        this.tierId = profile.tier().id();
        this.pageId = pageId;
        this.profile = profile;
        this.caps = caps;
        this.request = request;
        this.images = images;
        this.viewportWidth = viewportWidth;
    }

    /** A context for looking ahead: same request, its own records, which {@link #absorb} keeps if wanted. */
    RenderContext scratch() {
        return new RenderContext(pageId, profile, caps, request, images, viewportWidth);
    }

    /** Keeps what a scratch context recorded. */
    void absorb(RenderContext scratch) {
        substitutions.addAll(scratch.substitutions);
        degradations.addAll(scratch.degradations);
        warnings.addAll(scratch.warnings);
    }

    /**
     * A component shown as another type or left out ({@code to} null): recorded in
     * {@code substitutions} (the contract's first record of it) and as a degradation.
     */
    void substitute(String id, String from, String to, Degradation kind, String reason, String message) {
        ObjectNode s = substitutions.addObject();
        s.put("id", id);
        s.put("from", from);
        if (to == null) {
            s.putNull("to");
        } else {
            s.put("to", to);
        }
        s.put("reason", reason);
        degrade(id, from, kind, message, null);
    }

    /** @param pointer into the component ({@code /props/autoplay}), or null when the whole component is meant */
    void degrade(String id, String type, Degradation kind, String message, String pointer) {
        ObjectNode d = degradations.addObject();
        d.put("id", id);
        d.put("type", type);
        d.put("tier", tierId);
        d.put("kind", kind.id());
        d.put("message", message);
        if (pointer != null) {
            d.put("pointer", pointer);
        }
    }

    /**
     * Something could not be done for component {@code id}, which is still shown; a
     * {@link Severity#NOTICE}. The payload's contract keeps {@code {id, pointer, reason}}, so the
     * code stays on the server's side.
     */
    void warn(String id, String pointer, String code, String reason) {
        warn(Fault.in(pointer, id, null, code, reason, Severity.NOTICE));
    }

    void warn(Fault fault) {
        ObjectNode w = warnings.addObject();
        w.put("id", fault.componentId());
        w.put("pointer", fault.pointer());
        w.put("reason", fault.message());
    }
}
