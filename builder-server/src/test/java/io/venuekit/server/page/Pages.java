package io.venuekit.server.page;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.TestServer;

/** Small valid page documents for tests. */
final class Pages {

    private Pages() {}

    static ObjectNode simple(String slug) {
        ObjectNode page = TestServer.MAPPER.createObjectNode();
        page.put("slug", slug);
        page.put("title", "Test venue " + slug);
        var components = page.putArray("components");
        ObjectNode section = components.addObject();
        section.put("id", "s1").put("type", "section").put("version", 1);
        section.putObject("props").put("title", "Deals");
        ObjectNode text = section.putArray("children").addObject();
        text.put("id", "t1").put("type", "rich-text").put("version", 2);
        text.putObject("props").put("text", "Hello");
        text.putArray("children");
        ObjectNode spacer = components.addObject();
        spacer.put("id", "sp1").put("type", "spacer").put("version", 1);
        spacer.putObject("props").put("height", 16);
        spacer.putArray("children");
        return page;
    }
}
