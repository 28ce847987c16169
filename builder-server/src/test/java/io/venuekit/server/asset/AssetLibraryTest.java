package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: the library lists an owner's (or everyone's) images newest first, by name, a page at a time. */
class AssetLibraryTest {

    private static final List<String> NAMES =
            List.of("Beach-1.jpg", "mountain.png", "beach 2.JPG", "city.jpg", "forest.jpg");

    @TempDir
    static Path dataDir;

    static AssetTestApp app;
    static List<String> ids = new ArrayList<>();
    static List<Integer> sizes = new ArrayList<>();

    @BeforeAll
    static void uploadFive() {
        app = AssetTestApp.start(dataDir);
        for (int i = 0; i < NAMES.size(); i++) {
            byte[] jpeg = TestImages.jpeg(200 + i);
            sizes.add(jpeg.length);
            TestServer.Response r = app.send(
                    "POST",
                    "/api/assets",
                    named(NAMES.get(i), jpeg),
                    "multipart/form-data; boundary=" + AssetTestApp.BOUNDARY,
                    "X-Venuekit-User",
                    "shelf");
            assertEquals(202, r.status(), r.toString());
            ids.add(r.json().path("id").asText());
        }
        app.upload(TestImages.jpeg(299), "X-Venuekit-User", "someone-else");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void manifestsCarryNameSizeUploadTimeOwnerAndAPhaseAPersonReads() throws Exception {
        JsonNode asset = app.get("/api/assets/" + ids.get(1)).json();
        assertEquals("mountain.png", asset.path("name").asText(), asset.toString());
        assertEquals((int) sizes.get(1), asset.path("bytes").asInt(), asset.toString());
        assertEquals("shelf", asset.path("owner").asText());
        assertFalse(asset.path("createdAt").asText().isEmpty());
        assertTrue(
                Set.of("queued", "analysing", "encoding", "ready")
                        .contains(asset.path("phase").asText()),
                asset.toString());
        JsonNode ready = app.awaitStatus(ids.get(1), "ready");
        assertEquals("ready", ready.path("phase").asText());
    }

    @Test
    void pagesNewestFirstByCursor() {
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            TestServer.Response r =
                    app.get("/api/assets?owner=shelf&limit=2" + (next == null ? "" : "&cursor=" + next));
            assertEquals(200, r.status(), r.toString());
            r.json().path("assets").forEach(a -> seen.add(a.path("id").asText()));
            next = r.json().path("next").isTextual() ? r.json().path("next").asText() : null;
            pages++;
        } while (next != null && pages < 10);
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), seen);
        assertEquals(3, pages);
    }

    @Test
    void everyonesLibraryPagesToo() {
        TestServer.Response first = app.get("/api/assets?limit=4");
        assertEquals(4, first.json().path("assets").size(), first.toString());
        TestServer.Response rest = app.get(
                "/api/assets?limit=4&cursor=" + first.json().path("next").asText());
        assertEquals(2, rest.json().path("assets").size(), rest.toString());
        assertTrue(rest.json().path("next").isNull(), rest.toString());
        assertEquals(ids.get(0), rest.json().path("assets").get(1).path("id").asText());
    }

    @Test
    void searchesByNameWhateverTheCase() {
        TestServer.Response r = app.get("/api/assets?owner=shelf&q=BEACH");
        assertEquals(200, r.status(), r.toString());
        assertEquals("BEACH", r.json().path("q").asText());
        List<String> found = new ArrayList<>();
        r.json().path("assets").forEach(a -> found.add(a.path("name").asText()));
        assertEquals(List.of("beach 2.JPG", "Beach-1.jpg"), found);
        assertEquals(
                0,
                app.get("/api/assets?owner=shelf&q=desert")
                        .json()
                        .path("assets")
                        .size());
    }

    @Test
    void anUnknownCursorIs400() {
        TestServer.Response r = app.get("/api/assets?cursor=nonsense");
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.json().path("error").path("message").asText().contains("cursor"), r.toString());
    }

    @Test
    void aFileNameKeepsItsLastPartWithoutControlCharacters() {
        assertEquals("beach.jpg", AssetHandler.fileName("C:\\Users\\ann\\beach.jpg"));
        assertEquals("passwd", AssetHandler.fileName("../../etc/passwd"));
        assertEquals("ab.png", AssetHandler.fileName("a\u0000b\n.png"));
        assertEquals(null, AssetHandler.fileName(" \u0007 "));
        assertEquals(200, AssetHandler.fileName("x".repeat(500) + ".jpg").length());
    }

    private static byte[] named(String fileName, byte[] bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + AssetTestApp.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + AssetTestApp.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
