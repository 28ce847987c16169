package io.venuekit.server.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentApiTest {

    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePaletteListsEveryTypeWithSchemaAndDefaults() {
        Response response = server.get("/api/components");
        assertEquals(200, response.status());
        Set<String> types = new HashSet<>();
        for (JsonNode c : response.json().path("components")) {
            types.add(c.path("type").asText());
            assertTrue(c.path("props").isObject(), c.path("type").asText());
            assertTrue(c.path("defaults").isObject(), c.path("type").asText());
            assertTrue(!c.path("title").asText().isEmpty());
        }
        assertTrue(types.size() >= 18, types.toString());
        assertTrue(
                types.containsAll(Set.of("hero-banner", "product-grid", "video", "showcase-3d", "countdown")),
                types.toString());
        assertTrue(response.json().at("/common/$defs/imageRef").isObject(), "shared definitions come along");
    }

    @Test
    void oneTypeHasItsTierPolicyAndFallback() {
        JsonNode hero = server.get("/api/components/hero-banner").json();
        assertEquals("hero-banner", hero.path("type").asText());
        assertTrue(hero.path("tiers").has("low"));
        assertEquals("image", hero.path("fallback").asText());
    }

    @Test
    void anUnknownTypeIs404AndListsTheKnownOnes() {
        Response response = server.get("/api/components/hologram");
        assertEquals(404, response.status());
        assertEquals("unknown-component", response.json().at("/error/code").asText());
        assertTrue(response.json().at("/error/message").asText().contains("hero-banner"));
    }
}
