package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetUploadTest {

    private static final List<String> SHAPES = List.of("1:1", "3:4", "4:3", "16:9", "2:1", "9:16");

    @TempDir
    static Path dataDir;

    static AssetTestApp app;

    @BeforeAll
    static void start() {
        app = AssetTestApp.start(dataDir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void uploadIsAcceptedThenProcessedIntoACropAndVariantsPerShape() throws Exception {
        byte[] jpeg = TestImages.jpeg(1);
        TestServer.Response upload = app.upload(jpeg, "X-Venuekit-User", "merchant-1");
        assertEquals(202, upload.status(), upload.toString());
        String id = upload.json().path("id").asText();
        assertEquals(24, id.length(), upload.toString());
        assertEquals("/api/assets/" + id, upload.json().path("statusUrl").asText());
        assertEquals("/api/assets/" + id, upload.header("Location"));
        assertTrue(
                Set.of("queued", "processing", "ready")
                        .contains(upload.json().path("status").asText()),
                upload.toString());

        JsonNode asset = app.awaitStatus(id, "ready");
        assertEquals(1.0, asset.path("progress").asDouble());
        assertEquals("merchant-1", asset.path("owner").asText());
        assertEquals("JPEG", asset.path("source").path("format").asText(), asset.toString());
        assertEquals(640, asset.path("source").path("width").asInt());
        assertEquals(480, asset.path("source").path("height").asInt());
        assertTrue(asset.path("detections").has("faces"), asset.toString());
        assertTrue(asset.path("detections").path("unavailable").isArray(), asset.toString());
        if (java.nio.file.Files.exists(
                AssetTestApp.MODELS.resolve(io.venuekit.assets.detect.ImageAnalyzer.FACE_MODEL))) {
            assertFalse(
                    asset.path("detections").path("unavailable").toString().contains("faces"),
                    "the face model is there, so faces were looked for: " + asset.path("detections"));
        }

        Set<String> cropped = new HashSet<>();
        for (JsonNode crop : asset.path("crops")) {
            cropped.add(crop.path("aspect").asText());
            assertFalse(crop.path("reasons").isEmpty(), "every crop says why: " + crop);
        }
        assertEquals(new HashSet<>(SHAPES), cropped);
        Set<String> varied = new HashSet<>();
        for (JsonNode variant : asset.path("variants")) {
            varied.add(variant.path("shape").asText());
            assertEquals(
                    "/assets/" + id + "/" + variant.path("name").asText(),
                    variant.path("url").asText());
            assertTrue(variant.path("bytes").asInt() > 0, variant.toString());
        }
        Set<String> filesFor = new HashSet<>(SHAPES);
        filesFor.add("original");
        assertEquals(filesFor, varied, "a file set per shape, and the whole picture");
        assertEquals(
                640,
                asset.path("original").path("width").asInt(),
                asset.path("original").toString());
        assertEquals(480, asset.path("original").path("height").asInt());
        assertEquals(new HashSet<>(SHAPES), fieldNames(asset.path("placeholders")));
    }

    @Test
    void variantsAreServedImmutableWithAStrongETagAnd304() throws Exception {
        String id = app.upload(TestImages.jpeg(2)).json().path("id").asText();
        JsonNode asset = app.awaitStatus(id, "ready");
        JsonNode variant = first(asset, "jpeg");
        String name = variant.path("name").asText();

        TestServer.Response file = app.get(variant.path("url").asText());
        assertEquals(200, file.status(), file.toString());
        assertEquals("image/jpeg", file.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", file.header("Cache-Control"));
        assertEquals("\"" + name.substring(0, name.indexOf('.')) + "\"", file.header("ETag"));
        assertEquals(variant.path("bytes").asInt(), file.bytes().length);
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(file.bytes()));
        assertNotNull(image, "the variant decodes as an image");
        assertEquals(variant.path("width").asInt(), image.getWidth());
        assertEquals(variant.path("height").asInt(), image.getHeight());

        TestServer.Response webp = app.get(first(asset, "webp").path("url").asText());
        assertEquals(200, webp.status(), webp.toString());
        assertEquals("image/webp", webp.header("Content-Type"));

        TestServer.Response head = app.send("HEAD", variant.path("url").asText(), null, null);
        assertEquals(200, head.status(), head.toString());
        assertEquals(file.header("ETag"), head.header("ETag"));
        assertEquals(0, head.bytes().length);

        TestServer.Response again = app.get(variant.path("url").asText(), "If-None-Match", file.header("ETag"));
        assertEquals(304, again.status(), again.toString());
        assertEquals(0, again.bytes().length);
        assertEquals(file.header("ETag"), again.header("ETag"));
    }

    @Test
    void unknownVariantsAndAssetsAre404WithAMessage() {
        TestServer.Response variant = app.get("/assets/0123456789abcdef01234567/0123456789abcdef.jpg");
        assertEquals(404, variant.status(), variant.toString());
        assertEquals("not-found", variant.json().path("error").path("code").asText());
        TestServer.Response badName = app.get("/assets/0123456789abcdef01234567/../../etc.txt");
        assertEquals(404, badName.status(), badName.toString());
        TestServer.Response asset = app.get("/api/assets/0123456789abcdef01234567");
        assertEquals(404, asset.status(), asset.toString());
        assertTrue(asset.json().path("error").path("message").asText().contains("Upload the image"), asset.toString());
    }

    @Test
    void theSameBytesTwiceFromOneUploaderAreTheirAssetWithNoSecondJob() throws Exception {
        byte[] png = TestImages.png(3);
        TestServer.Response first = app.upload(png, "X-Venuekit-User", "first");
        assertEquals(202, first.status(), first.toString());
        String id = first.json().path("id").asText();
        app.awaitStatus(id, "ready");

        TestServer.Response again = app.upload(png, "X-Venuekit-User", "first");
        assertEquals(200, again.status(), again.toString());
        assertEquals(id, again.json().path("id").asText());
        assertEquals("ready", again.json().path("status").asText());
        assertEquals("/api/assets/" + id, again.header("Location"));

        TestServer.Response other = app.upload(png, "X-Venuekit-User", "second");
        assertEquals(202, other.status(), "another uploader gets an asset of their own: " + other);
        assertNotEquals(id, other.json().path("id").asText());
        assertEquals(
                List.of("second"), List.of(other.json().path("owners").get(0).asText()));
        app.awaitStatus(other.json().path("id").asText(), "ready");

        JsonNode asset = app.get("/api/assets/" + id).json();
        assertEquals(1, asset.path("attempts").asInt(), "processed once: " + asset);
        assertEquals("first", asset.path("owner").asText());
        assertEquals(Set.of("first"), values(asset.path("owners")));
    }

    @Test
    void listsAnOwnersAssets() throws Exception {
        String id = app.upload(TestImages.jpeg(4), "X-Venuekit-User", "lister")
                .json()
                .path("id")
                .asText();
        TestServer.Response list = app.get("/api/assets?owner=lister");
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().path("assets").size(), list.toString());
        assertEquals(id, list.json().path("assets").get(0).path("id").asText());
        TestServer.Response none = app.get("/api/assets?owner=nobody");
        assertEquals(200, none.status());
        assertEquals(0, none.json().path("assets").size(), none.toString());
        app.awaitStatus(id, "ready");
    }

    @Test
    void theOwnerFormFieldWinsOverTheActor() throws Exception {
        TestServer.Response upload = app.uploadAs("shop-42", TestImages.jpeg(8), "X-Venuekit-User", "operator-7");
        assertEquals(202, upload.status(), upload.toString());
        assertEquals("shop-42", upload.json().path("owner").asText(), upload.toString());
        TestServer.Response list = app.get("/api/assets?owner=shop-42");
        assertEquals(200, list.status(), list.toString());
        assertEquals(
                upload.json().path("id").asText(),
                list.json().path("assets").get(0).path("id").asText());
        app.awaitStatus(upload.json().path("id").asText(), "ready");
    }

    @Test
    void aRawImageBodyIsAcceptedAndSniffed() throws Exception {
        TestServer.Response raw =
                app.send("POST", "/api/assets", TestImages.jpeg(5), "image/png", "X-Venuekit-User", "raw-uploader");
        assertEquals(202, raw.status(), raw.toString());
        String id = raw.json().path("id").asText();
        JsonNode asset = app.awaitStatus(id, "ready");
        assertEquals("JPEG", asset.path("source").path("format").asText(), "sniffed, not the declared type");
        assertEquals("raw-uploader", asset.path("owner").asText());

        TestServer.Response empty = app.send("POST", "/api/assets", "{}".getBytes(), "application/json");
        assertEquals(400, empty.status(), empty.toString());
        assertTrue(empty.json().path("error").path("message").asText().contains("\"file\""), empty.toString());
    }

    @Test
    void theRendererViewListsServedVariantsAndPlaceholders() throws Exception {
        String id = app.upload(TestImages.jpeg(6)).json().path("id").asText();
        app.awaitStatus(id, "ready");
        AssetManifestView view = app.service.find(id).orElseThrow();
        assertEquals(640, view.width());
        assertEquals(AssetStatus.READY, view.status());
        assertFalse(view.variants().isEmpty());
        assertTrue(view.variants().get(0).url().startsWith("/assets/" + id + "/"), view.toString());
        assertEquals(new HashSet<>(SHAPES), view.placeholders().keySet());
        assertTrue(view.placeholders().get("1:1").colour().startsWith("#"), view.toString());
        assertEquals(view.placeholders().get("1:1"), view.placeholder());
        assertTrue(view.placeholder().preview().startsWith("data:image/"), view.toString());
        assertTrue(app.service.find("0123456789abcdef01234567").isEmpty());
        assertTrue(app.service.exists(id));
        assertFalse(app.service.exists("0123456789abcdef01234567"));
    }

    @Test
    void ingestBytesQueuesAndReturnsTheId() throws Exception {
        byte[] jpeg = TestImages.jpeg(7);
        String id = app.service.ingestBytes(jpeg, "seeder");
        assertEquals(id, app.service.ingestBytes(jpeg, "seeder"));
        JsonNode asset = app.awaitStatus(id, "ready");
        assertEquals("seeder", asset.path("owner").asText());
        TestServer.Response upload = app.upload(jpeg, "X-Venuekit-User", "seeder");
        assertEquals(200, upload.status(), upload.toString());
        assertEquals(id, upload.json().path("id").asText());
    }

    private static JsonNode first(JsonNode asset, String format) {
        for (JsonNode v : asset.path("variants")) {
            if (format.equals(v.path("format").asText())) {
                return v;
            }
        }
        throw new AssertionError("no " + format + " variant in " + asset);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static void assertSameBytes(byte[] expected, byte[] actual) {
        assertArrayEquals(expected, actual);
    }
}
