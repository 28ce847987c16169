package io.venuekit.renderer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.renderer.image.ImageResolver;

/** The state of one render call: who asks, and what the payload says it substituted or could not do. */
final class RenderContext {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final String tierId;
    final DeviceProfile profile;
    final ClientCapabilities caps;
    final RenderRequest request;
    final ImageResolver images;
    final double viewportWidth;
    final ArrayNode substitutions = NODES.arrayNode();
    final ArrayNode warnings = NODES.arrayNode();

    RenderContext(DeviceProfile profile, ClientCapabilities caps, RenderRequest request, ImageResolver images, double viewportWidth) {
        this.tierId = profile.tier().id();
        this.profile = profile;
        this.caps = caps;
        this.request = request;
        this.images = images;
        this.viewportWidth = viewportWidth;
    }

    /** A context for looking ahead: same request, its own records. */
    RenderContext scratch() {
        return new RenderContext(profile, caps, request, images, viewportWidth);
    }

    void substitute(String id, String from, String to, String reason) {
        ObjectNode s = substitutions.addObject();
        s.put("id", id);
        s.put("from", from);
        if (to == null) {
            s.putNull("to");
        } else {
            s.put("to", to);
        }
        s.put("reason", reason);
    }

    void warn(String id, String pointer, String reason) {
        ObjectNode w = warnings.addObject();
        w.put("id", id);
        w.put("pointer", pointer);
        w.put("reason", reason);
    }
}
