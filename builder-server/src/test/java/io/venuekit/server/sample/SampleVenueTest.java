package io.venuekit.server.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleVenueTest {

    @TempDir
    Path dataDir;

    @Test
    void aFirstStartPublishesTheSampleVenueWithItsPicturesAndASecondStartDoesNotDuplicateIt() throws Exception {
        ServerConfig config = ServerConfig.forTests(dataDir).withSeedSample(true);
        try (TestServer server = TestServer.start(config)) {
            JsonNode pages = server.get("/api/pages").json().path("pages");
            assertEquals(1, pages.size());
            JsonNode page = pages.get(0);
            assertEquals("double11-main", page.path("slug").asText());
            assertEquals(1, page.path("publishedVersion").asInt());

            Set<String> types = new HashSet<>();
            int[] count = {0};
            collect(page.path("components"), types, count);
            assertTrue(count[0] >= 40, "40 or more components, got " + count[0]);
            assertTrue(types.size() >= 10, "10 or more types, got " + types);
            assertTrue(
                    types.containsAll(Set.of("countdown", "video", "showcase-3d", "coupon-card", "product-card")),
                    types.toString());
            assertTrue(!page.toString().contains("sample:"), "every sample: reference points at an uploaded asset");

            JsonNode assets = server.get("/api/assets").json().path("assets");
            assertEquals(12, assets.size(), "the twelve sample pictures were uploaded");

            JsonNode layout =
                    server.get("/v1/venues/double11-main/layout?tier=high").json();
            assertEquals("double11-main", layout.at("/page/slug").asText());
            assertTrue(layout.path("components").size() >= 8, layout.toString());
        }
        try (TestServer again = TestServer.start(ServerConfig.forTests(dataDir).withSeedSample(true))) {
            assertEquals(1, again.get("/api/pages").json().path("pages").size(), "seeded only on the first start");
        }
    }

    private static void collect(JsonNode components, Set<String> types, int[] count) {
        for (JsonNode c : components) {
            count[0]++;
            types.add(c.path("type").asText());
            collect(c.path("children"), types, count);
        }
    }
}
