package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.assets.ContentHash;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.ImageAnalyzer;
import io.venuekit.server.Eventually;
import io.venuekit.server.TestServer;
import io.venuekit.server.db.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetJobsTest {

    @TempDir
    Path dataDir;

    @Test
    void aFullQueueAnswers429WithRetryAfterAndStoresNothing() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Detector real = AssetTestApp.analyzer();
        Detector held = image -> {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.detect(image);
        };
        AssetTestApp.Options options = AssetTestApp.Options.defaults()
                .withDetector(held)
                .withJobs(JobSettings.forMachine().withWorkers(1, 1));
        try (AssetTestApp app = AssetTestApp.start(dataDir, options)) {
            try {
                TestServer.Response running = app.upload(TestImages.jpeg(10));
                TestServer.Response waiting = app.upload(TestImages.jpeg(11));
                assertEquals(202, running.status(), running.toString());
                assertEquals(202, waiting.status(), waiting.toString());

                TestServer.Response refused = app.upload(TestImages.jpeg(12));
                assertEquals(429, refused.status(), refused.toString());
                assertEquals("10", refused.header("Retry-After"));
                assertEquals("busy", refused.json().path("error").path("code").asText());
                assertTrue(
                        refused.json().path("error").path("message").asText().contains("Upload again in 10 seconds"),
                        refused.toString());
                assertEquals(2, app.get("/api/assets").json().path("assets").size(), "the refused upload left nothing");
            } finally {
                gate.countDown();
            }
            app.awaitStatus(app.upload(TestImages.jpeg(10)).json().path("id").asText(), "ready");
            app.awaitStatus(app.upload(TestImages.jpeg(11)).json().path("id").asText(), "ready");
            TestServer.Response later = app.upload(TestImages.jpeg(12));
            assertEquals(202, later.status(), later.toString());
            app.awaitStatus(later.json().path("id").asText(), "ready");
        }
    }

    @Test
    void jobsARestartLeftQueuedOrHalfDoneAreTakenUpAgain() throws Exception {
        byte[] queuedBytes = TestImages.jpeg(20);
        byte[] halfDoneBytes = TestImages.jpeg(21);
        byte[] tooOftenBytes = TestImages.jpeg(22);
        String queued = idOf(queuedBytes);
        String halfDone = idOf(halfDoneBytes);
        String tooOften = idOf(tooOftenBytes);
        // what a server that stopped mid-way leaves in the database: no AssetJobs runs here
        try (Database db = Database.connect(null, dataDir, "test")) {
            AssetRepository repository = new MongoAssetRepository(db.db());
            AssetFiles files = new GridFsAssetFiles(db.db());
            files.putOriginal(queued, queuedBytes);
            files.putOriginal(halfDone, halfDoneBytes);
            files.putOriginal(tooOften, tooOftenBytes);
            String then = "2026-01-01T00:00:00Z";
            repository.insert(StoredAsset.queued(queued, ContentHash.sha256(queuedBytes), "m", then, 1_000));
            repository.insert(processing(halfDone, halfDoneBytes, 1, then));
            repository.insert(processing(tooOften, tooOftenBytes, 3, then));
        }
        try (AssetTestApp app = AssetTestApp.start(dataDir)) {
            assertEquals(1, app.awaitStatus(queued, "ready").path("attempts").asInt());
            JsonNode resumed = app.awaitStatus(halfDone, "ready");
            assertEquals(2, resumed.path("attempts").asInt(), resumed.toString());
            assertEquals(6, resumed.path("crops").size(), resumed.toString());
            assertTrue(resumed.path("variants").size() >= 12, "each shape in JPEG and WebP: " + resumed);
            JsonNode gaveUp = app.awaitStatus(tooOften, "failed");
            assertEquals("interrupted", gaveUp.path("failure").path("code").asText(), gaveUp.toString());
            assertTrue(gaveUp.path("failure").path("message").asText().contains("Retry it"), gaveUp.toString());

            TestServer.Response retry = app.post("/api/assets/" + tooOften + "/retry");
            assertEquals(202, retry.status(), retry.toString());
            assertEquals(1, app.awaitStatus(tooOften, "ready").path("attempts").asInt());
        }
    }

    @Test
    void aFailedJobKeepsItsReasonAndCanBeRetried() throws Exception {
        AssetTestApp.Options options = AssetTestApp.Options.defaults().withFiles(ControlledFiles::new);
        try (AssetTestApp app = AssetTestApp.start(dataDir, options)) {
            ((ControlledFiles) app.files).failNextRead();
            String id = app.upload(TestImages.jpeg(30)).json().path("id").asText();
            JsonNode failed = app.awaitStatus(id, "failed");
            assertEquals("internal", failed.path("failure").path("code").asText(), failed.toString());
            assertTrue(failed.path("failure").path("message").asText().contains("Retry it"), failed.toString());
            assertEquals(failed, app.get("/api/assets/" + id).json(), "the reason stays");

            TestServer.Response retry = app.post("/api/assets/" + id + "/retry");
            assertEquals(202, retry.status(), retry.toString());
            assertEquals("/api/assets/" + id, retry.header("Location"));
            assertTrue(
                    List.of("queued", "processing", "ready")
                            .contains(retry.json().path("status").asText()),
                    retry.toString());
            JsonNode ready = app.awaitStatus(id, "ready");
            assertTrue(ready.path("failure").isMissingNode(), "a success clears the failure: " + ready);

            TestServer.Response again = app.post("/api/assets/" + id + "/retry");
            assertEquals(409, again.status(), again.toString());
            assertEquals("not-failed", again.json().path("error").path("code").asText());
            assertTrue(again.json().path("error").path("message").asText().contains("is ready"), again.toString());

            TestServer.Response unknown = app.post("/api/assets/0123456789abcdef01234567/retry");
            assertEquals(404, unknown.status(), unknown.toString());
            assertEquals("not-found", unknown.json().path("error").path("code").asText());
        }
    }

    @Test
    void missingModelsDoNotFailTheJobAndTheManifestSaysWhich(@TempDir Path noModels) throws Exception {
        AssetTestApp.Options options =
                AssetTestApp.Options.defaults().withDetector(ImageAnalyzer.fromModelsDir(noModels));
        try (AssetTestApp app = AssetTestApp.start(dataDir, options)) {
            String id = app.upload(TestImages.jpeg(50)).json().path("id").asText();
            JsonNode asset = app.awaitStatus(id, "ready");
            JsonNode unavailable = asset.path("detections").path("unavailable");
            assertTrue(unavailable.size() >= 2, "faces and text say they could not run: " + asset);
            assertTrue(unavailable.toString().contains("faces"), unavailable.toString());
            assertTrue(unavailable.toString().contains("text"), unavailable.toString());
            assertEquals(6, asset.path("crops").size(), asset.toString());
        }
    }

    @Test
    void aFocusSetWhileTheFirstJobRunsWinsAndTheOlderResultIsDropped() throws Exception {
        try (AssetTestApp app =
                AssetTestApp.start(dataDir, AssetTestApp.Options.defaults().withFiles(ControlledFiles::new))) {
            ControlledFiles files = (ControlledFiles) app.files;
            files.close();
            String id;
            try {
                TestServer.Response upload = app.upload(TestImages.centredJpeg(60));
                assertEquals(202, upload.status(), upload.toString());
                id = upload.json().path("id").asText();
                TestServer.Response focus = app.put("/api/assets/" + id + "/focus", "{\"x\": 0.1, \"y\": 0.5}");
                assertEquals(202, focus.status(), focus.toString());
                assertEquals("queued", focus.json().path("status").asText(), focus.toString());
            } finally {
                files.open();
            }
            JsonNode ready = app.awaitStatus(id, "ready");
            assertEquals(0.1, ready.path("appliedFocus").path("x").asDouble(), "the newer request's result: " + ready);
            assertEquals(0.5, ready.path("appliedFocus").path("y").asDouble(), ready.toString());
        }
    }

    @Test
    void theSameBytesUploadedAtOnceByOneUploaderGiveOneAssetAndOneJob() throws Exception {
        try (AssetTestApp app = AssetTestApp.start(dataDir)) {
            byte[] jpeg = TestImages.jpeg(70);
            List<java.util.concurrent.CompletableFuture<TestServer.Response>> uploads = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> app.upload(jpeg, "X-Venuekit-User", "racer")));
            }
            String id = AssetService.idFor(ContentHash.sha256(jpeg), "racer");
            for (var future : uploads) {
                TestServer.Response response = future.get(60, TimeUnit.SECONDS);
                assertTrue(response.status() == 200 || response.status() == 202, response.toString());
                assertEquals(id, response.json().path("id").asText(), response.toString());
            }
            JsonNode ready = app.awaitStatus(id, "ready");
            assertEquals(1, ready.path("attempts").asInt(), "one job: " + ready);
            assertEquals(1, ready.path("owners").size(), ready.toString());
            assertEquals(1, app.get("/api/assets").json().path("assets").size());
            long originals = app.database
                    .db()
                    .getCollection("asset_files.files")
                    .countDocuments(new org.bson.Document("filename", id + "/original"));
            assertEquals(1, originals, "racing uploads keep one stored original");
        }
    }

    @Test
    void aStorageOutageDoesNotFailTheJobItIsTakenUpAgain() throws Exception {
        AssetTestApp.Options options = AssetTestApp.Options.defaults()
                .withFiles(ControlledFiles::new)
                .withJobs(JobSettings.forMachine().withStaleAfter(java.time.Duration.ZERO));
        try (AssetTestApp app = AssetTestApp.start(dataDir, options)) {
            ControlledFiles files = (ControlledFiles) app.files;
            files.storageDownOnce();
            String id = app.upload(TestImages.jpeg(90)).json().path("id").asText();
            assertTrue(files.storageFailed.await(30, TimeUnit.SECONDS));
            JsonNode waiting = app.get("/api/assets/" + id).json();
            assertTrue(
                    List.of("processing", "queued", "ready")
                            .contains(waiting.path("status").asText()),
                    "not failed: " + waiting);

            long beat = System.currentTimeMillis();
            Eventually.until(
                    () -> System.currentTimeMillis() > beat,
                    "the clock to pass the heartbeat (the sweep's cutoff is strict)");
            app.jobs.sweep();
            JsonNode ready = app.awaitStatus(id, "ready");
            assertEquals(2, ready.path("attempts").asInt(), ready.toString());
        }
    }

    private static String idOf(byte[] bytes) {
        return ContentHash.sha256(bytes).substring(0, AssetService.ID_LENGTH);
    }

    /** Claimed by a worker that stopped reporting long ago. */
    private static StoredAsset processing(String id, byte[] bytes, int attempts, String then) {
        StoredAsset q = StoredAsset.queued(id, ContentHash.sha256(bytes), "m", then, 1_000);
        return new StoredAsset(
                q.id(),
                q.contentHash(),
                q.owner(),
                q.owners(),
                AssetStatus.PROCESSING,
                0.4,
                "detecting",
                attempts,
                q.job(),
                null,
                "a-worker-that-died",
                1_000,
                null,
                null,
                List.of(),
                then,
                then,
                null,
                null,
                0);
    }
}
