package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks {@code bad-input/corpus.json} (and the hostile images of {@link HostileImages}) over every
 * route: each request is answered within 5 s with a status below 500, a refused request changes
 * nothing, and the server serves normally afterwards.
 */
class BadInputCorpusTest {

    @TempDir
    static Path dataDir;

    static TestServer server;
    static JsonNode corpus;
    static String pageId;
    static String assetId;

    private final List<String> problems = new ArrayList<>();
    private int sent;
    private String state;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        pageId = SecurityFixtures.published(server, "corpus");
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/corpus.json")) {
            corpus = TestServer.MAPPER.readTree(in);
        }
        String boundary = "vkcorpus";
        var upload = server.post(
                "/api/assets",
                multipart(boundary, "photo.jpg", HostileImages.jpeg(320, 240)),
                "Content-Type",
                "multipart/form-data; boundary=" + boundary);
        assertEquals(202, upload.status(), upload.toString());
        assetId = upload.json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyHostileRequestIsAnsweredBelow500AndRefusalsChangeNothing() throws Exception {
        state = state();
        for (JsonNode route : corpus.path("queryRoutes")) {
            for (JsonNode param : route.get(1)) {
                for (JsonNode value : corpus.path("values")) {
                    send(
                            "GET",
                            fill(route.get(0).asText()) + "?" + param.asText() + "=" + encode(value.asText()),
                            List.of(),
                            null);
                }
            }
        }
        for (JsonNode route : corpus.path("pathRoutes")) {
            for (JsonNode value : corpus.path("values")) {
                String segment = encode(value.asText());
                send(
                        route.get(0).asText(),
                        fill(route.get(1).asText()).replace("{x}", segment.isEmpty() ? "%20" : segment),
                        List.of(),
                        null);
            }
        }
        for (JsonNode path : corpus.path("rawPaths")) {
            send("GET", fill(path.asText()), List.of(), null);
        }
        for (JsonNode header : corpus.path("headers")) {
            for (JsonNode value : corpus.path("headerValues")) {
                send("GET", fill("/v1/venues/{slug}/layout"), List.of(header.asText() + ": " + value.asText()), null);
            }
        }
        for (JsonNode header : corpus.path("apiHeaders")) {
            for (JsonNode value : corpus.path("headerValues")) {
                send(
                        "POST",
                        fill("/api/pages/{id}/publish"),
                        List.of(header.asText() + ": " + value.asText(), "Sec-Fetch-Site: cross-site"),
                        new byte[0]);
                send(
                        "PUT",
                        fill("/api/pages/{id}"),
                        List.of(header.asText() + ": " + value.asText(), "Content-Type: application/json"),
                        "{\"slug\": 1}".getBytes(StandardCharsets.UTF_8));
            }
        }
        List<byte[]> bodies = new ArrayList<>();
        corpus.path("bodies").forEach(b -> bodies.add(b.asText().getBytes(StandardCharsets.UTF_8)));
        for (JsonNode g : corpus.path("generatedBodies")) {
            StringBuilder body = new StringBuilder(g.path("prefix").asText());
            body.append(g.path("repeat").asText().repeat(g.path("times").asInt()));
            body.append(g.path("suffix").asText());
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        for (JsonNode route : corpus.path("bodyRoutes")) {
            for (byte[] body : bodies) {
                send(
                        route.get(0).asText(),
                        fill(route.get(1).asText()),
                        List.of("Content-Type: application/json"),
                        body);
            }
        }
        for (JsonNode target : corpus.path("linkTargets")) {
            String doc =
                    "{\"slug\":\"links-one\",\"title\":\"t\",\"components\":[{\"id\":\"h\",\"type\":\"image\",\"version\":1,"
                            + "\"props\":{\"link\":{\"kind\":\"url\",\"target\":"
                            + TestServer.MAPPER.writeValueAsString(target.asText())
                            + "}},\"children\":[]}]}";
            send("POST", "/api/pages", List.of("Content-Type: application/json"), doc.getBytes(StandardCharsets.UTF_8));
            send(
                    "POST",
                    "/api/preview?tier=low",
                    List.of("Content-Type: application/json"),
                    doc.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> image : HostileImages.all().entrySet()) {
            String boundary = "vkb" + image.getKey().hashCode();
            send(
                    "POST",
                    "/api/assets",
                    List.of("Content-Type: multipart/form-data; boundary=" + boundary),
                    multipart(boundary, image.getKey(), image.getValue()));
        }

        assertTrue(sent >= 500, "the corpus holds " + sent + " requests");
        assertEquals(List.of(), problems, problems.size() + " of " + sent + " requests misbehaved");
        assertEquals(200, server.get("/health").status());
        assertEquals(200, server.get("/v1/venues/corpus/layout?tier=low").status(), "still serving the venue");
    }

    private void send(String method, String target, List<String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(server.port())
                .append("\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        sent++;
        RawHttp.Answer answer = RawHttp.send(server.port(), request.toByteArray(), 5000);
        String what = method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target) + " " + headers
                + (body == null ? "" : " body " + body.length + " B");
        if (!answer.answered()) {
            problems.add(what + ": no answer within 5 s");
            return;
        }
        if (answer.status() >= 500) {
            problems.add(what + ": " + answer.status() + " " + answer.body());
        }
        boolean changes = !method.equals("GET") && !target.startsWith("/api/preview");
        if (changes) {
            String after = state();
            if (answer.status() >= 400 && !after.equals(state)) {
                problems.add(what + ": refused with " + answer.status() + " but changed what is stored");
            }
            state = after;
        }
    }

    /** What a refused request must not change: the drafts and their versions, the snapshots, the assets. */
    private static String state() {
        JsonNode pages = server.get("/api/pages?limit=1000").json().path("pages");
        StringBuilder s = new StringBuilder();
        for (JsonNode page : pages) {
            s.append(page.path("id").asText())
                    .append('@')
                    .append(page.path("version").asText())
                    .append('/')
                    .append(page.path("publishedVersion").asText())
                    .append(';');
        }
        s.append(" assets=")
                .append(server.get("/api/assets").json().path("assets").size());
        return s.toString();
    }

    private static String fill(String template) {
        return template.replace("{slug}", "corpus").replace("{id}", pageId).replace("{asset}", assetId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static byte[] multipart(String boundary, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
