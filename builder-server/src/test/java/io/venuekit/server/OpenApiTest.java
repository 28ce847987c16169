package io.venuekit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /openapi.json against the route table: every route with a method documented, every documented
 * operation routed; HEAD answers on every GET route; /metrics, the request id and the access log.
 */
class OpenApiTest {

    @TempDir
    Path dataDir;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            Set<String> routed = routes(server);
            JsonNode doc = server.get("/openapi.json").json();
            assertEquals("3.1.0", doc.path("openapi").asText());
            Set<String> documented = new TreeSet<>();
            doc.path("paths")
                    .fields()
                    .forEachRemaining(p -> p.getValue()
                            .fieldNames()
                            .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
            Set<String> undocumented = new TreeSet<>(routed);
            undocumented.removeAll(documented);
            Set<String> unrouted = new TreeSet<>(documented);
            unrouted.removeAll(routed);
            assertTrue(undocumented.isEmpty(), "routes missing from openapi.json: " + undocumented);
            assertTrue(unrouted.isEmpty(), "openapi.json documents routes that do not exist: " + unrouted);
        }
    }

    @Test
    void headOnEveryGetRouteRequestIdsAndMetrics() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            for (String path : new String[] {
                "/health", "/health/live", "/openapi.json", "/api/pages", "/api/components", "/metrics"
            }) {
                TestServer.Response get = server.get(path);
                String head = rawHead(server.port(), path);
                assertTrue(head.startsWith("HTTP/1.1 " + get.status()), "HEAD " + path + ": " + head);
                assertTrue(head.endsWith("\r\n\r\n"), "HEAD " + path + " has no body: " + head);
            }
            assertTrue(rawHead(server.port(), "/v1/venues/no-such-venue/layout").startsWith("HTTP/1.1 404"));

            TestServer.Response given = server.get("/health/live", "X-Request-Id", "abc-123");
            assertEquals("abc-123", given.header("X-Request-Id"));
            String made = server.get("/health/live", "X-Request-Id", "not sane <script>")
                    .header("X-Request-Id");
            assertTrue(made != null && made.matches("[0-9a-f]{16,32}"), made);

            String metrics = server.get("/metrics").text();
            for (String name : new String[] {
                "vertx_http_server_requests_total",
                "vertx_http_server_response_time_seconds_bucket",
                "route=\"/health/live\"",
                "venuekit_layout_cache_hits_total",
                "venuekit_layout_renders_total",
                "venuekit_asset_jobs_queued",
                "venuekit_asset_jobs_seconds_count",
                "venuekit_rate_limit_refusals_total",
                "venuekit_database_reachable",
                "venuekit_store_writable",
                "jvm_threads_live_threads",
                "jvm_memory_used_bytes"
            }) {
                assertTrue(metrics.contains(name), "/metrics lacks " + name);
            }
        }
    }

    /** A HEAD request over a plain socket, read to the end: what the server sent, headers and any body. */
    private static String rawHead(int port, String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** "METHOD /path/{param}" for every route of the table that names its methods and a path without a wildcard. */
    private static Set<String> routes(TestServer server) {
        Router router =
                HttpRoutes.create(server.server().vertx(), server.server().services());
        Set<String> routes = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            Set<HttpMethod> methods = route.methods();
            // (a prefix route, such as the static files', reads as its prefix ending in "/")
            if (path == null
                    || path.contains("*")
                    || path.length() > 1 && path.endsWith("/")
                    || methods == null
                    || methods.isEmpty()
                    || path.startsWith("/bench/")) {
                continue;
            }
            String documented = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            for (HttpMethod m : methods) {
                routes.add(m.name() + " " + documented);
            }
        }
        return routes;
    }
}
