package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The asset routes as the whole server mounts them, warm-up on as in production: upload, poll, serve, refuse. */
class AssetServerTest {

    @TempDir
    Path dataDir;

    @Test
    void theServerTakesAnUploadToServedVariants() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withWarmUp(true))) {
            TestServer.Response upload = server.send(
                    "POST",
                    "/api/assets",
                    AssetTestApp.multipart(null, TestImages.jpeg(80)),
                    "Content-Type",
                    "multipart/form-data; boundary=" + AssetTestApp.BOUNDARY,
                    "X-Venuekit-User",
                    "shop-1");
            assertEquals(202, upload.status(), upload.toString());
            String id = upload.json().path("id").asText();
            assertEquals("/api/assets/" + id, upload.header("Location"));

            JsonNode asset = poll(server, id);
            assertEquals("shop-1", asset.path("owner").asText());
            assertEquals(6, asset.path("crops").size(), asset.toString());
            TestServer.Response file =
                    server.get(asset.path("variants").get(0).path("url").asText());
            assertEquals(200, file.status(), file.toString());
            assertEquals("public, max-age=31536000, immutable", file.header("Cache-Control"));

            TestServer.Response svg = server.send(
                    "POST",
                    "/api/assets",
                    AssetTestApp.multipart(null, TestImages.svg()),
                    "Content-Type",
                    "multipart/form-data; boundary=" + AssetTestApp.BOUNDARY);
            assertEquals(415, svg.status(), svg.toString());
            assertTrue(svg.json().path("error").path("message").asText().contains("PNG or JPEG"), svg.toString());
        }
    }

    private static JsonNode poll(TestServer server, String id) {
        return server.awaitAsset(id);
    }
}
