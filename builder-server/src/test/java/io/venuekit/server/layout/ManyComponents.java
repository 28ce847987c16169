package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.TestServer;

/** A valid page of {@code n} top-level rich-text and spacer modules. */
final class ManyComponents {

    private ManyComponents() {}

    static ObjectNode page(String slug, int n) {
        ObjectNode page = TestServer.MAPPER.createObjectNode();
        page.put("slug", slug).put("title", "Venue " + slug);
        ArrayNode components = page.putArray("components");
        for (int i = 0; i < n; i++) {
            ObjectNode c = components.addObject();
            c.put("id", "c" + i);
            if (i % 2 == 0) {
                c.put("type", "rich-text").put("version", 2);
                c.putObject("props").put("text", "Module " + i);
            } else {
                c.put("type", "spacer").put("version", 1);
                c.putObject("props").put("height", 12);
            }
            c.putArray("children");
        }
        return page;
    }
}
