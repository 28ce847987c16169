package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.Eventually;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the whole picture in the manifest, one use's crop as the server plans it
 * ({@code GET /api/assets/{id}/crops/{shape}}), and taking the asset-wide focus away ({@code DELETE .../focus}).
 */
class AssetCropsTest {

    @TempDir
    Path dataDir;

    @Test
    void theManifestNamesTheWholePictureUprightInBothFormats() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            JsonNode asset = awaitReady(server, upload(server, TestImages.jpeg(81)), null);
            JsonNode original = asset.path("original");
            JsonNode source = asset.path("source");
            assertEquals(source.path("width").asInt(), original.path("width").asInt(), original.toString());
            assertEquals(source.path("height").asInt(), original.path("height").asInt(), original.toString());
            Response jpeg = server.get(original.path("url").asText());
            assertEquals(200, jpeg.status(), jpeg.toString());
            assertEquals("image/jpeg", jpeg.header("Content-Type"));
            var image = ImageIO.read(new ByteArrayInputStream(jpeg.bytes()));
            assertEquals(original.path("width").asInt(), image.getWidth());
            Response webp = server.get(original.path("webp").asText());
            assertEquals(200, webp.status(), original.toString());
            assertEquals("image/webp", webp.header("Content-Type"));
        }
    }

    @Test
    void aUsesCropIsPlannedByTheServerContainsItsFocusAndIsReused() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            String id = upload(server, TestImages.centredJpeg(82));
            JsonNode asset = awaitReady(server, id, null);
            int width = asset.path("source").path("width").asInt();
            int height = asset.path("source").path("height").asInt();

            JsonNode crop = awaitCrop(server, "/api/assets/" + id + "/crops/2:1?x=0.5&y=0.9", null);
            assertEquals("2:1", crop.path("shape").asText());
            assertEquals(0.9, crop.path("focus").path("y").asDouble(), 1e-9, crop.toString());
            JsonNode window = crop.path("crop");
            double fy = 0.9 * height;
            assertTrue(
                    window.path("y").asInt() <= fy
                            && fy
                                    <= window.path("y").asInt()
                                            + window.path("height").asInt(),
                    "the window holds the focus point: " + window);
            assertEquals(
                    2.0, window.path("width").asDouble() / window.path("height").asDouble(), 0.02, window.toString());
            assertTrue(window.path("x").asInt() + window.path("width").asInt() <= width, window.toString());
            assertTrue(crop.path("variants").size() > 0, crop.toString());
            for (JsonNode v : crop.path("variants")) {
                assertTrue(v.path("url").asText().startsWith("/assets/" + id + "-use/"), v.toString());
                assertEquals("2:1", v.path("shape").asText());
            }
            assertEquals(
                    200,
                    server.get(crop.path("variants").get(0).path("url").asText())
                            .status());

            Response again = server.get("/api/assets/" + id + "/crops/2x1?x=0.5&y=0.9");
            assertEquals(200, again.status(), "made once, then found: " + again);
            assertEquals(crop.path("variants"), again.json().path("variants"), "the same files for the same focus");

            Response wide = server.get("/api/assets/" + id + "/crops/16:9");
            assertEquals(200, wide.status(), wide.toString());
            assertTrue(wide.json().path("focus").isNull(), wide.toString());
            JsonNode wideCrop = null;
            for (JsonNode c : asset.path("crops")) {
                if (c.path("aspect").asText().equals("16:9")) {
                    wideCrop = c;
                }
            }
            assertEquals(wideCrop, wide.json().path("crop"), "without a focus: the asset-wide crop");
            assertTrue(wide.json().path("variants").get(0).path("url").asText().startsWith("/assets/" + id + "/"));
        }
    }

    @Test
    void aCropRequestWithAnUnknownShapeOrABadFocusSaysWhatIsWrong() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            String id = upload(server, TestImages.jpeg(83));
            awaitReady(server, id, null);
            Response shape = server.get("/api/assets/" + id + "/crops/5:2?x=0.5&y=0.5");
            assertEquals(400, shape.status(), shape.toString());
            assertEquals(
                    "unknown-shape", shape.json().path("error").path("code").asText());
            assertTrue(shape.json().path("error").path("message").asText().contains("16:9"), shape.toString());

            Response focus = server.get("/api/assets/" + id + "/crops/1:1?x=1.4&y=abc&w=0.2");
            assertEquals(400, focus.status(), focus.toString());
            String faults = focus.json().path("error").path("faults").toString();
            assertTrue(
                    faults.contains("/x") && faults.contains("/y") && faults.contains("/h"),
                    "every fault at once: " + faults);
            assertEquals(
                    404,
                    server.get("/api/assets/0123456789abcdef01234567/crops/1:1?x=0.5&y=0.5")
                            .status());
        }
    }

    @Test
    void aMerchantGetsCropsOfTheirOwnPicturesOnly() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            String alpha = merchant(server, admin, "crop-alpha");
            String bravo = merchant(server, admin, "crop-bravo");
            Response up = server.send(
                    "POST",
                    "/api/assets",
                    TestImages.jpeg(84),
                    "Content-Type",
                    "image/jpeg",
                    "Authorization",
                    "Bearer " + alpha);
            String id = up.json().path("id").asText();
            awaitReady(server, id, alpha);
            awaitCrop(server, "/api/assets/" + id + "/crops/1:1?x=0.2&y=0.2", alpha);
            Response other =
                    server.get("/api/assets/" + id + "/crops/1:1?x=0.2&y=0.2", "Authorization", "Bearer " + bravo);
            assertEquals(404, other.status(), other.toString());
            assertTrue(
                    !other.text().contains("crop-alpha") && !other.text().contains("/assets/" + id + "-use/"),
                    other.toString());
            Response clear = server.delete("/api/assets/" + id + "/focus", "Authorization", "Bearer " + bravo);
            assertEquals(404, clear.status(), clear.toString());
        }
    }

    @Test
    void clearingTheAssetWideFocusPlansTheCropsWithoutItAndNamesTheLivePages() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            String id = upload(server, TestImages.centredJpeg(85));
            JsonNode first = awaitReady(server, id, null);
            var page =
                    TestServer.MAPPER.createObjectNode().put("slug", "cleared").put("title", "Cleared");
            page.putArray("components")
                    .addObject()
                    .put("id", "hero")
                    .put("type", "hero-banner")
                    .put("version", 2)
                    .putObject("props")
                    .put("title", "Hero")
                    .putObject("image")
                    .put("asset", id);
            String pageId = server.post("/api/pages", page).json().path("id").asText();
            assertEquals(
                    201, server.post("/api/pages/" + pageId + "/publish", null).status());

            Response nothing = server.delete("/api/assets/" + id + "/focus");
            assertEquals(200, nothing.status(), "no focus to take away: " + nothing);
            assertEquals(0, nothing.json().path("livePagesChanged").size(), nothing.toString());

            assertEquals(
                    202,
                    server.put("/api/assets/" + id + "/focus", Map.of("x", 0.02, "y", 0.02))
                            .status());
            JsonNode focused = awaitFocus(server, id, true);
            assertTrue(!focused.path("crops").equals(first.path("crops")), "the focus moved some crop");

            Response cleared = server.delete("/api/assets/" + id + "/focus");
            assertEquals(202, cleared.status(), cleared.toString());
            assertTrue(cleared.json().path("focus").isNull(), cleared.toString());
            assertEquals(
                    "cleared",
                    cleared.json().path("livePagesChanged").get(0).path("slug").asText(),
                    cleared.toString());
            JsonNode after = awaitFocus(server, id, false);
            assertEquals(first.path("crops"), after.path("crops"), "the crops follow the detections again");
            assertEquals(first.path("original"), after.path("original"), "the whole picture is the same file");
        }
    }

    @Test
    void aBrowserMustSendTheCsrfTokenToClearTheFocus() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            String id = upload(server, TestImages.jpeg(86));
            awaitReady(server, id, null);
            String origin = "http://127.0.0.1:" + server.port();
            Response refused =
                    server.delete("/api/assets/" + id + "/focus", "Sec-Fetch-Site", "same-origin", "Origin", origin);
            assertEquals(403, refused.status(), refused.toString());
            Response session = server.get("/api/session", "Sec-Fetch-Site", "same-origin");
            String cookie = session.header("Set-Cookie").split(";")[0];
            Response allowed = server.delete(
                    "/api/assets/" + id + "/focus",
                    "Sec-Fetch-Site",
                    "same-origin",
                    "Origin",
                    origin,
                    "Cookie",
                    cookie,
                    "X-CSRF-Token",
                    session.json().path("csrf").asText());
            assertEquals(200, allowed.status(), allowed.toString());
        }
    }

    private static JsonNode awaitCrop(TestServer server, String path, String token) throws InterruptedException {
        return Eventually.get(
                        () -> token == null ? server.get(path) : server.get(path, "Authorization", "Bearer " + token),
                        last -> {
                            if (last.status() == 200) {
                                assertEquals("ready", last.json().path("status").asText(), last.toString());
                                return true;
                            }
                            assertEquals(202, last.status(), last.toString());
                            assertEquals("pending", last.json().path("status").asText(), last.toString());
                            assertEquals("1", last.header("Retry-After"));
                            return false;
                        },
                        "the crop to be made")
                .json();
    }

    private static JsonNode awaitFocus(TestServer server, String id, boolean focused) {
        return Eventually.get(
                () -> server.get("/api/assets/" + id).json(),
                last -> "ready".equals(last.path("status").asText())
                        && last.path("appliedFocus").isObject() == focused,
                (focused ? "the focus" : "no focus") + " to be applied to " + id);
    }

    private static String merchant(TestServer server, String admin, String name) {
        Response made =
                server.post("/api/users", Map.of("name", name, "role", "merchant"), "Authorization", "Bearer " + admin);
        assertEquals(201, made.status(), made.toString());
        return made.json().path("token").asText();
    }

    private static String upload(TestServer server, byte[] jpeg) {
        Response upload = server.send("POST", "/api/assets", jpeg, "Content-Type", "image/jpeg");
        assertEquals(202, upload.status(), upload.toString());
        return upload.json().path("id").asText();
    }

    private static JsonNode awaitReady(TestServer server, String id, String token) {
        return token == null ? server.awaitAsset(id) : server.awaitAsset(id, "Authorization", "Bearer " + token);
    }
}
