package io.venuekit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The real server on a free port over the embedded MongoDB, with {@link TestHttp} to call it. */
public final class TestServer implements AutoCloseable {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private final VenuekitServer server;

    private TestServer(VenuekitServer server) {
        this.server = server;
    }

    public static TestServer start(Path dataDir) throws Exception {
        return new TestServer(VenuekitServer.start(ServerConfig.forTests(dataDir)));
    }

    public static TestServer start(ServerConfig config) throws Exception {
        return new TestServer(VenuekitServer.start(config));
    }

    /** A client for a server the test started itself. */
    public static TestServer wrap(VenuekitServer server) {
        return new TestServer(server);
    }

    public VenuekitServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** {@code body} is sent as is when a String or byte[], else serialised as JSON. */
    public Response send(String method, String path, Object body, String... headers) {
        return new TestHttp(port(), Duration.ofSeconds(30)).send(method, path, body, headers);
    }

    /**
     * Polls {@code GET /api/assets/{id}} (with {@code headers}) until the asset is ready; fails the
     * test at once when it failed or the answer is a 4xx.
     */
    public JsonNode awaitAsset(String id, String... headers) {
        return Eventually.get(
                        () -> get("/api/assets/" + id, headers),
                        r -> {
                            String status =
                                    r.status() == 200 ? r.json().path("status").asText() : "";
                            if (r.status() >= 400 && r.status() < 500 || status.equals("failed")) {
                                throw new AssertionError("asset " + id + ": " + r);
                            }
                            return status.equals("ready");
                        },
                        "asset " + id + " to become ready")
                .json();
    }

    @Override
    public void close() {
        server.close();
    }

    public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
