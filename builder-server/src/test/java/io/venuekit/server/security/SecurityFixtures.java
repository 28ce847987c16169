package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;

/** Pages the security tests publish and attack. */
final class SecurityFixtures {

    private SecurityFixtures() {}

    static ObjectNode page(String slug) {
        ObjectNode page = TestServer.MAPPER.createObjectNode();
        page.put("slug", slug);
        page.put("title", "Venue " + slug);
        var components = page.putArray("components");
        ObjectNode text = components.addObject();
        text.put("id", "t1").put("type", "rich-text").put("version", 2);
        text.putObject("props").put("text", "Hello");
        text.putArray("children");
        return page;
    }

    /** Creates and publishes a page; returns its id. */
    static String published(TestServer server, String slug, String... headers) {
        Response created = server.post("/api/pages", page(slug), headers);
        assertEquals(201, created.status(), created.toString());
        String id = created.json().path("id").asText();
        Response published = server.post("/api/pages/" + id + "/publish", null, headers);
        assertEquals(201, published.status(), published.toString());
        return id;
    }
}
