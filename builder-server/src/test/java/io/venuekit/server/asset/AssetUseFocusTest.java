package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.Eventually;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a focus in a page's image prop crops that use, and only that use; live pages change only by publishing. */
class AssetUseFocusTest {

    @TempDir
    Path dataDir;

    @Test
    void aUsesOwnFocusCropsThatUseAndLivePagesChangeOnlyByPublishing() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            String asset = upload(server, TestImages.centredJpeg(77));
            ObjectNode page =
                    TestServer.MAPPER.createObjectNode().put("slug", "focused").put("title", "Focused");
            ArrayNode components = page.putArray("components");
            banner(components, "plain", asset, null);
            banner(components, "low", asset, new double[] {0.8, 0.95});
            Response created = server.post("/api/pages", page);
            assertEquals(201, created.status(), created.toString());
            String pageId = created.json().path("id").asText();
            Response published = server.post("/api/pages/" + pageId + "/publish", null);
            assertEquals(201, published.status(), published.toString());

            JsonNode live = awaitUseCrop(server, "/v1/venues/focused/layout", "low", asset);
            String plain = url(live, "plain");
            String low = url(live, "low");
            assertTrue(
                    plain.startsWith("/assets/" + asset + "/"),
                    "a use without focus keeps the asset-wide crop: " + plain);
            assertTrue(
                    low.startsWith("/assets/" + asset + "-use/"), "a use with its own focus gets its own crop: " + low);
            Response file = server.get(low);
            assertEquals(200, file.status(), file.toString());
            assertTrue(file.header("Content-Type").startsWith("image/"), file.header("Content-Type"));
            assertTrue(live.path("warnings").isEmpty(), live.path("warnings").toString());

            // a draft edit of that use's focus shows in the preview, and not on the live page
            banner(components.removeAll(), "plain", asset, null);
            banner(components, "low", asset, new double[] {0.05, 0.05});
            Response saved = server.put("/api/pages/" + pageId, page, "If-Match", "1");
            assertEquals(200, saved.status(), saved.toString());
            JsonNode preview = awaitUseCrop(server, "/api/pages/" + pageId + "/preview", "low", asset);
            assertNotEquals(low, url(preview, "low"), "the draft's new focus has its own crop");
            assertEquals(low, url(server.get("/v1/venues/focused/layout").json(), "low"), "the live page is unchanged");

            // a second page with the same (asset, shape, focus) shares the files
            ObjectNode other = TestServer.MAPPER
                    .createObjectNode()
                    .put("slug", "shared-focus")
                    .put("title", "Shared");
            banner(other.putArray("components"), "again", asset, new double[] {0.8, 0.95});
            String otherId = server.post("/api/pages", other).json().path("id").asText();
            assertEquals(
                    201, server.post("/api/pages/" + otherId + "/publish", null).status());
            assertEquals(low, url(server.get("/v1/venues/shared-focus/layout").json(), "again"));
        }
    }

    @Test
    void anAssetWideFocusListsTheLivePagesItChangesBeforeAndWhenItIsSet() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            String asset = upload(server, TestImages.centredJpeg(78));
            ObjectNode live =
                    TestServer.MAPPER.createObjectNode().put("slug", "wide").put("title", "Wide");
            ArrayNode components = live.putArray("components");
            banner(components, "plain", asset, null);
            banner(components, "own", asset, new double[] {0.2, 0.2});
            String liveId = server.post("/api/pages", live).json().path("id").asText();
            assertEquals(
                    201, server.post("/api/pages/" + liveId + "/publish", null).status());
            ObjectNode draft = TestServer.MAPPER
                    .createObjectNode()
                    .put("slug", "draft-only")
                    .put("title", "Draft");
            banner(draft.putArray("components"), "unpublished", asset, null);
            assertEquals(201, server.post("/api/pages", draft).status());

            Response uses = server.get("/api/assets/" + asset + "/uses");
            assertEquals(200, uses.status(), uses.toString());
            JsonNode pages = uses.json().path("pages");
            assertEquals(1, pages.size(), "only the published page, not the draft: " + pages);
            assertEquals("wide", pages.get(0).path("slug").asText());
            assertEquals(liveId, pages.get(0).path("pageId").asText());
            assertEquals(
                    "[\"plain\"]",
                    pages.get(0).path("components").toString(),
                    "a use with its own focus is not changed");

            Response set = server.put("/api/assets/" + asset + "/focus", "{\"x\": 0.1, \"y\": 0.1}");
            assertEquals(202, set.status(), set.toString());
            assertEquals(pages, set.json().path("livePagesChanged"), set.toString());
            assertEquals(
                    404, server.get("/api/assets/0123456789abcdef01234567/uses").status());
        }
    }

    private static void banner(ArrayNode components, String id, String asset, double[] focus) {
        ObjectNode image = components
                .addObject()
                .put("id", id)
                .put("type", "hero-banner")
                .put("version", 2)
                .putObject("props")
                .put("title", "Banner " + id)
                .putObject("image")
                .put("asset", asset);
        if (focus != null) {
            image.putObject("focus").put("x", focus[0]).put("y", focus[1]);
        }
    }

    /** Polls until the component's image names a use crop (a render may serve the asset-wide one while it is made). */
    private static JsonNode awaitUseCrop(TestServer server, String path, String component, String asset) {
        return Eventually.get(
                () -> {
                    Response r = server.get(path);
                    assertEquals(200, r.status(), r.toString());
                    return r.json();
                },
                last -> url(last, component).startsWith("/assets/" + asset + "-use/"),
                component + " to name a use crop");
    }

    private static String url(JsonNode payload, String component) {
        for (JsonNode c : payload.path("components")) {
            if (component.equals(c.path("id").asText())) {
                return c.path("props").path("image").path("url").asText();
            }
        }
        throw new AssertionError("no component " + component + " in " + payload);
    }

    private static String upload(TestServer server, byte[] jpeg) {
        Response upload = server.send("POST", "/api/assets", jpeg, "Content-Type", "image/jpeg");
        assertEquals(202, upload.status(), upload.toString());
        String id = upload.json().path("id").asText();
        server.awaitAsset(id);
        return id;
    }
}
