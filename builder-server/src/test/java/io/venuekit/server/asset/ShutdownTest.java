package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuekit.server.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process (its own JVM, the models loaded, warming up) right after uploads:
 * it exits with the signal's status, leaves no JVM crash log, and the next start finishes every
 * job the uploads' 202 promised. bench/resilience/sigterm-loop.sh repeats this 20 times.
 */
class ShutdownTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void sigtermDuringUploadsAndWarmUpLosesNoJobAndDoesNotCrash() throws Exception {
        Path data = dir.resolve("data");
        int port = freePort();
        List<String> ids = new ArrayList<>();
        Process first = start(data, port, "first.log");
        try {
            waitFor(() -> status(port, "/health/live") == 200, Duration.ofSeconds(60));
            for (int seed = 1; seed <= 3; seed++) {
                HttpResponse<String> upload = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/assets"))
                                .header("Content-Type", "image/jpeg")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.jpeg(seed)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, upload.statusCode(), upload.body());
                ids.add(MAPPER.readTree(upload.body()).path("id").asText());
            }
            first.destroy(); // SIGTERM
            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the server did not stop within 60 s");
            assertEquals(
                    143,
                    first.exitValue(),
                    "exit status after SIGTERM; log: " + Files.readString(dir.resolve("first.log")));
        } finally {
            first.destroyForcibly();
        }
        assertNoCrashLog();

        Process second = start(data, port, "second.log");
        try {
            waitFor(() -> status(port, "/health/live") == 200, Duration.ofSeconds(60));
            for (String id : ids) {
                waitFor(() -> "ready".equals(asset(port, id).path("status").asText()), Duration.ofSeconds(90));
            }
            second.destroy();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(143, second.exitValue());
        } finally {
            second.destroyForcibly();
        }
        assertNoCrashLog();
    }

    private Process start(Path data, int port, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("DATA_DIR", data.toString());
        builder.environment()
                .put("MODELS_DIR", Path.of("../models").toAbsolutePath().toString());
        builder.environment().put("SEED_SAMPLE", "false");
        builder.environment().put("WARM_UP", "true");
        builder.environment().remove("MONGO_URI");
        return builder.start();
    }

    private void assertNoCrashLog() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err"))
                    .toList();
            assertTrue(crashes.isEmpty(), "JVM crash logs: " + crashes);
        }
    }

    private int status(int port, String path) {
        try {
            return client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode asset(int port, String id) {
        try {
            return MAPPER.readTree(client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/assets/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MAPPER.createObjectNode();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
