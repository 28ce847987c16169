package io.venuekit.server.asset;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.PipelineSettings;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.decode.ImageLimits;
import io.venuekit.assets.detect.Detector;
import io.venuekit.assets.detect.ImageAnalyzer;
import io.venuekit.assets.detect.SubjectRefiner;
import io.venuekit.server.Eventually;
import io.venuekit.server.HttpRoutes;
import io.venuekit.server.TestHttp;
import io.venuekit.server.TestServer;
import io.venuekit.server.db.Database;
import io.venuekit.server.http.ErrorResponder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The asset routes ({@code HttpRoutes.assets}) on a real Vert.x router over the embedded MongoDB, called with {@link TestHttp}.
 * Options let a test put a smaller limit, a tiny queue, a blocking detector or a wrapped file store in.
 */
final class AssetTestApp implements AutoCloseable {

    static final Path MODELS = Path.of("../models");

    /** One analyzer for every test app: its ONNX sessions are loaded once. */
    private static volatile Detector sharedAnalyzer;

    static Detector analyzer() {
        if (sharedAnalyzer == null) {
            synchronized (AssetTestApp.class) {
                if (sharedAnalyzer == null) {
                    sharedAnalyzer = ImageAnalyzer.fromModelsDir(MODELS);
                }
            }
        }
        return sharedAnalyzer;
    }

    record Options(
            long maxUploadBytes,
            JobSettings jobs,
            Detector detector,
            SubjectRefiner refiner,
            UnaryOperator<AssetFiles> files) {
        static Options defaults() {
            return new Options(25L * 1024 * 1024, JobSettings.forMachine(), analyzer(), null, f -> f);
        }

        Options withMaxUploadBytes(long n) {
            return new Options(n, jobs, detector, refiner, files);
        }

        Options withJobs(JobSettings j) {
            return new Options(maxUploadBytes, j, detector, refiner, files);
        }

        Options withDetector(Detector d) {
            return new Options(maxUploadBytes, jobs, d, refiner, files);
        }

        /** A slower subject estimate that refines each asset after its first result. */
        Options withRefiner(SubjectRefiner r) {
            return new Options(maxUploadBytes, jobs, detector, r, files);
        }

        Options withFiles(UnaryOperator<AssetFiles> f) {
            return new Options(maxUploadBytes, jobs, detector, refiner, f);
        }
    }

    final Database database;
    final AssetRepository repository;
    final AssetFiles files;
    final AssetJobs jobs;
    final AssetService service;
    private final Vertx vertx;
    private final HttpServer http;

    private AssetTestApp(Path dataDir, Options options) {
        database = Database.connect(null, dataDir, "test");
        repository = new MongoAssetRepository(database.db());
        files = options.files().apply(new GridFsAssetFiles(database.db()));
        AssetProcessor processor = new AssetProcessor(
                options.detector(),
                options.refiner(),
                new CropPlanner(),
                PipelineSettings.defaults()
                        .withLimits(new ImageLimits(options.maxUploadBytes(), ImageLimits.DEFAULT.maxPixels())),
                Runnable::run);
        jobs = new AssetJobs(repository, files, processor, options.jobs(), Clock.systemUTC()).start();
        service = new AssetService(repository, files, jobs, processor, Clock.systemUTC());
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        HttpRoutes.assets(
                router,
                new AssetHandler(service, options.maxUploadBytes()),
                options.maxUploadBytes(),
                dataDir.resolve("uploads"));
        router.route().failureHandler(ErrorResponder::handle);
        router.route().last().handler(ctx -> ctx.fail(404));
        http = vertx.createHttpServer().requestHandler(router).listen(0).await();
    }

    static AssetTestApp start(Path dataDir) {
        return new AssetTestApp(dataDir, Options.defaults());
    }

    static AssetTestApp start(Path dataDir, Options options) {
        return new AssetTestApp(dataDir, options);
    }

    TestServer.Response get(String path, String... headers) {
        return send("GET", path, null, "application/json", headers);
    }

    TestServer.Response put(String path, String json) {
        return send("PUT", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    TestServer.Response post(String path) {
        return send("POST", path, null, null);
    }

    /** Posts {@code bytes} as the multipart field {@code file}, with a misleading name and type to prove they are ignored. */
    TestServer.Response upload(byte[] bytes, String... headers) {
        return uploadAs(null, bytes, headers);
    }

    /** The same, with an {@code owner} form field before the file when {@code owner} is not null. */
    TestServer.Response uploadAs(String owner, byte[] bytes, String... headers) {
        return send(
                "POST", "/api/assets", multipart(owner, bytes), "multipart/form-data; boundary=" + BOUNDARY, headers);
    }

    static final String BOUNDARY = "----venuekit-test-boundary";

    /** A multipart/form-data body: an optional {@code owner} field, then {@code bytes} as the field {@code file}. */
    static byte[] multipart(String owner, byte[] bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (owner != null) {
            body.writeBytes(
                    ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"owner\"\r\n\r\n" + owner + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                                + "Content-Type: image/jpeg\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    TestServer.Response send(String method, String path, byte[] body, String contentType, String... headers) {
        String[] all = headers;
        if (body != null && contentType != null) {
            all = java.util.Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "Content-Type";
            all[headers.length + 1] = contentType;
        }
        return new TestHttp(http.actualPort(), Duration.ofSeconds(60)).send(method, path, body, all);
    }

    /** Polls the asset until its status is {@code status} (or fails the test with the last answer after a generous bound). */
    JsonNode awaitStatus(String id, String status) {
        if (id == null || id.isEmpty()) {
            throw new AssertionError("no asset id to wait for (did the upload fail?)");
        }
        return Eventually.get(
                        () -> get("/api/assets/" + id),
                        last -> {
                            if (last.status() == 404) {
                                throw new AssertionError("asset " + id + " does not exist: " + last);
                            }
                            String now = last.status() == 200
                                    ? last.json().path("status").asText()
                                    : "";
                            if (now.equals("failed") && !"failed".equals(status)) {
                                throw new AssertionError("asset " + id + " failed: " + last);
                            }
                            return now.equals(status);
                        },
                        "asset " + id + " to become " + status)
                .json();
    }

    @Override
    public void close() {
        jobs.close();
        vertx.close().await();
        database.close();
    }
}
