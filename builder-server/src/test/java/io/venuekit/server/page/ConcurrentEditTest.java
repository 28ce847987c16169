package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.VenuekitServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(VertxExtension.class)
class ConcurrentEditTest {

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoEditsFromTheSameVersionGiveOne200AndOne409ThatKeepsTheLosingEdit(Vertx vertx, VertxTestContext test) {
        String id = server.post("/api/pages", Pages.simple("race")).json().path("id").asText();
        ObjectNode mine = Pages.simple("race").put("title", "Mine");
        ObjectNode theirs = Pages.simple("race").put("title", "Theirs");
        WebClient client = WebClient.create(vertx);

        Future<HttpResponse<Buffer>> a = client.put(server.port(), "127.0.0.1", "/api/pages/" + id)
                .putHeader("If-Match", "\"1\"").putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(mine.toString()));
        Future<HttpResponse<Buffer>> b = client.put(server.port(), "127.0.0.1", "/api/pages/" + id)
                .putHeader("If-Match", "\"1\"").putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(theirs.toString()));

        Future.all(a, b).onComplete(test.succeeding(done -> test.verify(() -> {
            List<HttpResponse<Buffer>> responses = List.of(a.result(), b.result());
            assertEquals(List.of(200, 409), responses.stream().map(HttpResponse::statusCode).sorted().toList());
            HttpResponse<Buffer> loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            HttpResponse<Buffer> winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            JsonNode conflict = TestServer.MAPPER.readTree(loser.bodyAsString());
            String winningTitle = TestServer.MAPPER.readTree(winner.bodyAsString()).path("title").asText();

            assertEquals("version-conflict", conflict.at("/error/code").asText());
            assertEquals(2, conflict.path("currentVersion").asInt());
            assertEquals(winningTitle, conflict.at("/current/title").asText());
            String losingTitle = winningTitle.equals("Mine") ? "Theirs" : "Mine";
            assertEquals(losingTitle, conflict.at("/yours/title").asText(), "the losing edit comes back in the 409");
            assertEquals(winningTitle, server.get("/api/pages/" + id).json().path("title").asText());
            test.completeNow();
        })));
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsOverwritten() {
        String id = server.post("/api/pages", Pages.simple("stale")).json().path("id").asText();
        server.put("/api/pages/" + id, Pages.simple("stale").put("title", "Newer"), "If-Match", "1");

        TestServer.Response stale = server.put("/api/pages/" + id, Pages.simple("stale").put("title", "Older"), "If-Match", "1");
        assertEquals(409, stale.status());
        assertEquals(2, stale.json().path("currentVersion").asInt());
        assertEquals("Newer", server.get("/api/pages/" + id).json().path("title").asText());
    }

    @Test
    void anEditThatDoesNotSayItsVersionIs428() {
        String id = server.post("/api/pages", Pages.simple("no-version")).json().path("id").asText();
        TestServer.Response response = server.put("/api/pages/" + id, Pages.simple("no-version"));
        assertEquals(428, response.status());
        assertEquals("/version", response.json().at("/error/faults/0/pointer").asText());
    }

    @Test
    void theVersionMayComeInTheBody() {
        String id = server.post("/api/pages", Pages.simple("body-version")).json().path("id").asText();
        ObjectNode edit = Pages.simple("body-version").put("title", "Via body").put("version", 1);
        assertEquals(200, server.put("/api/pages/" + id, edit).status());
        assertEquals(409, server.put("/api/pages/" + id, edit).status());
    }
}
