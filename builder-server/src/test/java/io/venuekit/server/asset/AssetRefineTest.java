package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.SubjectRefiner;
import io.venuekit.server.Eventually;
import io.venuekit.server.TestServer;
import io.venuekit.server.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a slow subject model configured, an upload is served from a first result made with the
 * classical map, then refined by a {@code refine} job: the first variants stay served until the
 * refined ones replace them.
 */
class AssetRefineTest {

    @TempDir
    Path dataDir;

    /** No faces or text; no subject from the quick estimate, so the first crops sit at the centre. */
    private static final Detector QUICK =
            image -> new Detections(List.of(), List.of(), null, List.of(), Detections.SUBJECT_BY_MAP);

    /** A subject hugging the right edge of whatever it is shown. */
    private static Box rightEdge(java.awt.image.BufferedImage image) {
        return Box.of(
                image.getWidth() * 0.85, image.getHeight() * 0.3, image.getWidth() * 0.14, image.getHeight() * 0.3);
    }

    private static JsonNode crop(JsonNode asset, String shape) {
        for (JsonNode c : asset.path("crops")) {
            if (shape.equals(c.path("aspect").asText())) return c;
        }
        throw new AssertionError("no " + shape + " crop in " + asset);
    }

    @Test
    void anUploadIsServedFirstThenRefinedWithTheModelsSubject() throws Exception {
        CountDownLatch firstSeen = new CountDownLatch(1);
        AtomicInteger refinerRuns = new AtomicInteger();
        SubjectRefiner held = image -> {
            refinerRuns.incrementAndGet();
            try {
                assertTrue(firstSeen.await(30, TimeUnit.SECONDS), "the test never saw the first result");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rightEdge(image);
        };
        try (AssetTestApp app = AssetTestApp.start(
                dataDir, AssetTestApp.Options.defaults().withDetector(QUICK).withRefiner(held))) {
            TestServer.Response upload = app.upload(TestImages.jpeg(41));
            assertEquals(202, upload.status(), upload.toString());
            String id = upload.json().path("id").asText();

            JsonNode first = awaitFirstResult(app, id);
            assertTrue(
                    List.of("queued", "processing")
                            .contains(first.path("status").asText()),
                    first.toString());
            assertEquals(
                    Detections.SUBJECT_BY_MAP,
                    first.path("detections").path("subjectBy").asText());
            JsonNode firstSquare = crop(first, "1:1");
            assertEquals((640 - 480) / 2.0, firstSquare.path("x").asDouble(), 30, "no subject yet: near the centre");
            String firstUrl = first.path("variants").path(0).path("url").asText();
            assertEquals(200, app.get(firstUrl).status(), "the first variants are served while the refinement runs");
            firstSeen.countDown();

            JsonNode refined = app.awaitStatus(id, "ready");
            assertEquals(1, refinerRuns.get());
            assertEquals(
                    Detections.SUBJECT_BY_MODEL,
                    refined.path("detections").path("subjectBy").asText());
            assertEquals(640 - 480, crop(refined, "1:1").path("x").asInt(), "the square moved right to the subject");
            assertEquals(
                    first.path("readyAt").asText(),
                    refined.path("readyAt").asText(),
                    "readyAt is the first result's time");
            assertTrue(
                    refined.path("updatedAt")
                                    .asText()
                                    .compareTo(refined.path("readyAt").asText())
                            >= 0,
                    refined.toString());
            assertNotEquals(
                    firstUrl, refined.path("variants").path(0).path("url").asText(), "new crop, new file name");
            assertEquals(
                    200, app.get(firstUrl).status(), "a replaced variant stays served for pages that still link it");
        }
    }

    @Test
    void aRefinementThatFailsLeavesTheFirstResultReady() throws Exception {
        SubjectRefiner broken = image -> {
            throw new IllegalStateException("test: the model broke");
        };
        try (AssetTestApp app = AssetTestApp.start(
                dataDir, AssetTestApp.Options.defaults().withDetector(QUICK).withRefiner(broken))) {
            String id = app.upload(TestImages.jpeg(42)).json().path("id").asText();

            JsonNode ready = app.awaitStatus(id, "ready");

            assertEquals(
                    Detections.SUBJECT_BY_MAP_MODEL_FAILED,
                    ready.path("detections").path("subjectBy").asText(),
                    ready.toString());
            assertTrue(
                    ready.path("detections").path("unavailable").toString().contains("salient-object model failed"),
                    ready.toString());
            assertTrue(ready.path("variants").size() >= 12, ready.toString());
            Eventually.until(() -> app.jobs.running() == 0 && app.jobs.queued() == 0, "the jobs to settle");
            assertEquals(
                    "ready", app.get("/api/assets/" + id).json().path("status").asText(), "not refined again");
        }
    }

    @Test
    void aRefineJobThatCannotReadTheOriginalKeepsTheFirstResult() throws Exception {
        ControlledFiles[] files = new ControlledFiles[1];
        // The first job's detector arms the failure: the next read of the original is the refine job's.
        Detector armsFailure = image -> {
            files[0].failNextRead();
            return QUICK.detect(image);
        };
        AssetTestApp.Options options = AssetTestApp.Options.defaults()
                .withDetector(armsFailure)
                .withRefiner(AssetRefineTest::rightEdge)
                .withFiles(real -> files[0] = new ControlledFiles(real));
        try (AssetTestApp app = AssetTestApp.start(dataDir, options)) {
            String id = app.upload(TestImages.jpeg(43)).json().path("id").asText();

            JsonNode ready = app.awaitStatus(id, "ready");

            assertFalse(ready.has("failure") && !ready.path("failure").isNull(), ready.toString());
            assertEquals(
                    Detections.SUBJECT_BY_MAP_MODEL_FAILED,
                    ready.path("detections").path("subjectBy").asText(),
                    ready.toString());
            assertTrue(ready.path("variants").size() >= 12, "the first variants stay: " + ready);
        }
    }

    @Test
    void aRefinementARestartInterruptedIsTakenUpAgain() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        SubjectRefiner hangs = image -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted by the shutdown", e);
            }
            return rightEdge(image);
        };
        String id;
        try (AssetTestApp app = AssetTestApp.start(
                dataDir, AssetTestApp.Options.defaults().withDetector(QUICK).withRefiner(hangs))) {
            id = app.upload(TestImages.jpeg(44)).json().path("id").asText();
            assertTrue(started.await(30, TimeUnit.SECONDS), "the refinement started");
        }
        // The interrupted refinement is left claimed; let its heartbeat be long stale, as after a real restart.
        try (Database db = Database.connect(null, dataDir, "test")) {
            assertEquals(
                    1,
                    db.db()
                            .getCollection("assets")
                            .updateOne(
                                    Filters.and(
                                            Filters.eq("_id", id),
                                            Filters.eq("job", StoredAsset.REFINE),
                                            Filters.eq("status", "processing")),
                                    Updates.set("heartbeatMs", 1_000L))
                            .getMatchedCount(),
                    "the refine job was left processing");
        }
        AssetTestApp.Options after =
                AssetTestApp.Options.defaults().withDetector(QUICK).withRefiner(AssetRefineTest::rightEdge);
        try (AssetTestApp app = AssetTestApp.start(dataDir, after)) {
            JsonNode refined = app.awaitStatus(id, "ready");
            assertEquals(
                    Detections.SUBJECT_BY_MODEL,
                    refined.path("detections").path("subjectBy").asText(),
                    refined.toString());
            assertEquals(640 - 480, crop(refined, "1:1").path("x").asInt());
        }
    }

    @Test
    void aBacklogOfRefinementsLeavesRoomForUploads() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        try (AssetTestApp app =
                AssetTestApp.start(dataDir, AssetTestApp.Options.defaults().withDetector(QUICK))) {
            for (int seed = 50; seed < 56; seed++) {
                String id = app.upload(TestImages.jpeg(seed)).json().path("id").asText();
                app.awaitStatus(id, "ready");
                ids.add(id);
            }
        }
        // As a server that just got a subject model would find them: six refinements waiting.
        try (Database db = Database.connect(null, dataDir, "test")) {
            assertEquals(
                    6,
                    db.db()
                            .getCollection("assets")
                            .updateMany(
                                    Filters.in("_id", ids),
                                    Updates.combine(
                                            Updates.set("status", "queued"), Updates.set("job", StoredAsset.REFINE)))
                            .getModifiedCount());
        }
        CountDownLatch release = new CountDownLatch(1);
        SubjectRefiner slow = image -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return rightEdge(image);
        };
        // One worker and four places: refinements may take slots only while half of the five are free.
        AssetTestApp.Options options = AssetTestApp.Options.defaults()
                .withDetector(QUICK)
                .withRefiner(slow)
                .withJobs(JobSettings.forMachine()
                        .withWorkers(1, 4)
                        .withSweeps(Duration.ofMillis(100), Duration.ofHours(1)));
        try (AssetTestApp app = AssetTestApp.start(dataDir, options)) {
            Eventually.until(() -> app.jobs.fullSweeps() >= 1, "the start-up sweep to queue what it may");
            TestServer.Response upload = app.upload(TestImages.jpeg(70));
            assertEquals(202, upload.status(), "an upload still finds a place: " + upload);
            release.countDown();
            app.awaitStatus(upload.json().path("id").asText(), "ready");
            for (String id : ids) {
                assertEquals(
                        Detections.SUBJECT_BY_MODEL,
                        app.awaitStatus(id, "ready")
                                .path("detections")
                                .path("subjectBy")
                                .asText());
            }
        }
    }

    @Test
    void aRefinementQueuedWhenTheModelIsGoneLeavesTheAssetAsItWas() throws Exception {
        String id;
        try (AssetTestApp app =
                AssetTestApp.start(dataDir, AssetTestApp.Options.defaults().withDetector(QUICK))) {
            id = app.upload(TestImages.jpeg(45)).json().path("id").asText();
            app.awaitStatus(id, "ready");
        }
        try (Database db = Database.connect(null, dataDir, "test")) {
            db.db()
                    .getCollection("assets")
                    .updateOne(
                            Filters.eq("_id", id),
                            Updates.combine(Updates.set("status", "queued"), Updates.set("job", StoredAsset.REFINE)));
        }
        // the server starts again without the model
        try (AssetTestApp app =
                AssetTestApp.start(dataDir, AssetTestApp.Options.defaults().withDetector(QUICK))) {
            JsonNode ready = app.awaitStatus(id, "ready");
            assertEquals(
                    Detections.SUBJECT_BY_MAP,
                    ready.path("detections").path("subjectBy").asText(),
                    "not marked as a model failure: a model configured later still refines it");
            assertTrue(ready.path("detections").path("unavailable").isEmpty(), ready.toString());
        }
    }

    /** Polls until the asset has its first manifest (readyAt set and variants listed). */
    private static JsonNode awaitFirstResult(AssetTestApp app, String id) {
        return Eventually.get(
                () -> app.get("/api/assets/" + id).json(),
                last -> !last.path("readyAt").isNull()
                        && !last.path("readyAt").isMissingNode()
                        && last.path("variants").size() > 0,
                "the first result of " + id);
    }
}
