package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.Eventually;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetFocusTest {

    /** Left of the centred subject, close enough that a square window holds both. */
    private static final String LEFT = "{\"x\": 0.0, \"y\": 0.3, \"w\": 0.2, \"h\": 0.3}";

    @TempDir
    Path dataDir;

    @Test
    void aNewFocusReplansWhileTheOldVariantsStayServed() throws Exception {
        try (AssetTestApp app =
                AssetTestApp.start(dataDir, AssetTestApp.Options.defaults().withFiles(ControlledFiles::new))) {
            ControlledFiles files = (ControlledFiles) app.files;
            String id = app.upload(TestImages.centredJpeg(40)).json().path("id").asText();
            JsonNode before = app.awaitStatus(id, "ready");
            Set<String> oldNames = names(before);
            String oldSquare = variantUrl(before, "1:1");
            assertTrue(app.service.find(id).orElseThrow().variants().stream()
                    .anyMatch(v -> v.url().equals(oldSquare)));
            long versionBefore = app.service.version(List.of(id));
            long othersBefore = app.service.version(List.of("an-asset-no-page-changed"));

            files.close();
            try {
                TestServer.Response accepted = app.put("/api/assets/" + id + "/focus", LEFT);
                assertEquals(202, accepted.status(), accepted.toString());
                assertEquals(0.2, accepted.json().path("focus").path("w").asDouble(), accepted.toString());
                assertTrue(
                        List.of("queued", "processing")
                                .contains(accepted.json().path("status").asText()),
                        accepted.toString());

                JsonNode meanwhile = app.get("/api/assets/" + id).json();
                assertEquals(oldNames, names(meanwhile), "the old variants are listed until the new ones are ready");
                TestServer.Response oldFile = app.get(oldSquare);
                assertEquals(200, oldFile.status(), oldFile.toString());
                assertEquals("image/jpeg", oldFile.header("Content-Type"));
            } finally {
                files.open();
            }

            JsonNode after = app.awaitStatus(id, "ready");
            assertEquals(0.0, after.path("appliedFocus").path("x").asDouble(), after.toString());
            assertEquals(0.3, after.path("appliedFocus").path("h").asDouble(), after.toString());
            assertTrue(crop(after, "1:1").path("reasons").toString().contains("focus"), after.toString());
            assertNotEquals(oldNames, names(after), "the square, portrait and story crops moved to the focus");
            assertTrue(
                    crop(after, "1:1").path("x").asInt()
                            < crop(before, "1:1").path("x").asInt(),
                    after.toString());
            Eventually.until(
                    () -> app.service.version(List.of(id)) > versionBefore,
                    "the asset's version, which cached layouts naming it are keyed by, to move on");
            assertEquals(
                    othersBefore,
                    app.service.version(List.of("an-asset-no-page-changed")),
                    "layouts naming other assets stay cached");
            Set<String> viewUrls = new HashSet<>();
            app.service.find(id).orElseThrow().variants().forEach(v -> viewUrls.add(v.url()));
            assertTrue(!viewUrls.contains(oldSquare), "the renderer's view has the new variants at once: " + viewUrls);
            TestServer.Response stillServed = app.get(oldSquare);
            assertEquals(200, stillServed.status(), "pages cached before the change still load: " + stillServed);
        }
    }

    @Test
    void replacedVariantsAreDeletedOnceTheyHaveAged() throws Exception {
        AssetTestApp.Options options = AssetTestApp.Options.defaults()
                .withJobs(JobSettings.forMachine().withRetireAfter(Duration.ZERO));
        try (AssetTestApp app = AssetTestApp.start(dataDir, options)) {
            String id = app.upload(TestImages.centredJpeg(41)).json().path("id").asText();
            JsonNode before = app.awaitStatus(id, "ready");
            assertEquals(202, app.put("/api/assets/" + id + "/focus", LEFT).status());
            JsonNode after = app.awaitStatus(id, "ready");
            Set<String> gone = names(before);
            gone.removeAll(names(after));
            assertTrue(!gone.isEmpty(), "some variants were replaced");

            long retired = System.currentTimeMillis();
            Eventually.until(
                    () -> System.currentTimeMillis() > retired,
                    "the clock to pass the retirement (the sweep's cutoff is strict)");
            app.jobs.sweep();
            String replaced = gone.iterator().next();
            TestServer.Response old = app.get("/assets/" + id + "/" + replaced);
            assertEquals(404, old.status(), old.toString());
            assertEquals("not-found", old.json().path("error").path("code").asText());
            assertTrue(app.repository.find(id).orElseThrow().retired().isEmpty(), "the deleted files are forgotten");
            TestServer.Response current =
                    app.get(after.path("variants").get(0).path("url").asText());
            assertEquals(200, current.status(), current.toString());
        }
    }

    @Test
    void anInvalidFocusIs400WithAPointerPerFault() {
        try (AssetTestApp app = AssetTestApp.start(dataDir)) {
            TestServer.Response response = app.put(
                    "/api/assets/0123456789abcdef01234567/focus",
                    "{\"x\": 1.4, \"y\": \"top\", \"w\": 0.5, \"zoom\": 2}");
            assertEquals(400, response.status(), response.toString());
            JsonNode error = response.json().path("error");
            assertEquals("invalid-focus", error.path("code").asText());
            Set<String> pointers = new HashSet<>();
            error.path("faults").forEach(f -> pointers.add(f.path("pointer").asText()));
            assertEquals(Set.of("/x", "/y", "/h", "/zoom"), pointers, response.toString());
            assertTrue(
                    error.path("message").asText().contains("must be between 0 and 1, got 1.4"), response.toString());

            TestServer.Response outside = app.put(
                    "/api/assets/0123456789abcdef01234567/focus", "{\"x\": 0.9, \"y\": 0.1, \"w\": 0.5, \"h\": 0.5}");
            assertEquals(400, outside.status(), outside.toString());
            assertEquals(
                    "/w",
                    outside.json()
                            .path("error")
                            .path("faults")
                            .get(0)
                            .path("pointer")
                            .asText(),
                    outside.toString());

            TestServer.Response unknown =
                    app.put("/api/assets/0123456789abcdef01234567/focus", "{\"x\": 0.5, \"y\": 0.5}");
            assertEquals(404, unknown.status(), unknown.toString());
            assertEquals("not-found", unknown.json().path("error").path("code").asText());
        }
    }

    @Test
    void aFocusBoxWithoutAreaOrWithNumbersOutOfRangeIs400WithAPointer() {
        try (AssetTestApp app = AssetTestApp.start(dataDir)) {
            String id = "/api/assets/0123456789abcdef01234567/focus";
            assertFaults(
                    app.put(id, "{\"x\": 0.2, \"y\": 0.2, \"w\": 0, \"h\": 0.3}"),
                    Set.of("/w"),
                    "greater than 0, got 0");
            assertFaults(
                    app.put(id, "{\"x\": 0.2, \"y\": 0.2, \"w\": 0.3, \"h\": 0.0}"),
                    Set.of("/h"),
                    "greater than 0, got 0.0");
            assertFaults(
                    app.put(id, "{\"x\": 0.2, \"y\": 0.2, \"w\": -0.1, \"h\": 1e400}"), Set.of("/w", "/h"), "got -0.1");
            assertFaults(
                    app.put(id, "{\"x\": 123456789012345678901234567890, \"y\": true, \"w\": \"0.3\", \"h\": null}"),
                    Set.of("/x", "/y", "/w", "/h"),
                    "must be a number");
            assertFaults(app.put(id, "{\"x\": [0.5], \"y\": {\"v\": 1}}"), Set.of("/x", "/y"), "must be a number");
        }
    }

    private static void assertFaults(TestServer.Response response, Set<String> pointers, String says) {
        assertEquals(400, response.status(), response.toString());
        JsonNode error = response.json().path("error");
        assertEquals("invalid-focus", error.path("code").asText(), response.toString());
        Set<String> seen = new HashSet<>();
        error.path("faults").forEach(f -> seen.add(f.path("pointer").asText()));
        assertEquals(pointers, seen, response.toString());
        assertTrue(error.path("message").asText().contains(says), response.toString());
    }

    private static Set<String> names(JsonNode asset) {
        Set<String> names = new HashSet<>();
        asset.path("variants").forEach(v -> names.add(v.path("name").asText()));
        return names;
    }

    private static String variantUrl(JsonNode asset, String shape) {
        for (JsonNode v : asset.path("variants")) {
            if (shape.equals(v.path("shape").asText())
                    && "jpeg".equals(v.path("format").asText())) {
                return v.path("url").asText();
            }
        }
        throw new AssertionError("no " + shape + " JPEG in " + asset);
    }

    private static JsonNode crop(JsonNode asset, String shape) {
        for (JsonNode c : asset.path("crops")) {
            if (shape.equals(c.path("aspect").asText())) {
                return c;
            }
        }
        throw new AssertionError("no " + shape + " crop in " + asset);
    }
}
