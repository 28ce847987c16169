package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 9: layout responses are public and vary by region, platform and audience, which Vary left out. */
class SharedCacheTest {

    @TempDir
    Path dataDir;

    @Test
    void everyHeaderThatChangesTheBodyIsInVary() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            SecurityFixtures.published(server, "vary");
            for (String path : new String[] {"/v1/venues/vary/layout", "/venues/vary"}) {
                // a phone the tables know, so the H5 page is not the private, probing one
                Response r = server.get(
                        path,
                        "X-Venuekit-Region",
                        "HK",
                        "X-Venuekit-Audiences",
                        "new-user",
                        "X-Venuekit-Platform",
                        "ios",
                        "User-Agent",
                        "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 Chrome/79.0 Mobile Safari/537.36");
                String cache = r.header("Cache-Control");
                Set<String> vary = Arrays.stream(r.header("Vary").split(","))
                        .map(String::trim)
                        .map(String::toLowerCase)
                        .collect(Collectors.toSet());
                assertTrue(cache.contains("public"), "shared caches may keep it: " + cache);
                for (String header : new String[] {
                    "x-venuekit-region",
                    "x-venuekit-platform",
                    "x-venuekit-audiences",
                    "user-agent",
                    "accept",
                    "accept-encoding"
                }) {
                    assertTrue(vary.contains(header), path + " Vary lacks " + header + ": " + vary);
                }
            }
        }
    }
}
