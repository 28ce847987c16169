package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void twoEditsFromTheSameVersionGiveOne200AndOne409ThatKeepsTheLosingEdit() throws Exception {
        String id = server.post("/api/pages", Pages.simple("race"))
                .json()
                .path("id")
                .asText();
        ObjectNode mine = Pages.simple("race").put("title", "Mine");
        ObjectNode theirs = Pages.simple("race").put("title", "Theirs");

        // both in flight at once, from two threads
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Response> responses;
        try {
            CompletableFuture<Response> a =
                    CompletableFuture.supplyAsync(() -> server.put("/api/pages/" + id, mine, "If-Match", "\"1\""), two);
            CompletableFuture<Response> b = CompletableFuture.supplyAsync(
                    () -> server.put("/api/pages/" + id, theirs, "If-Match", "\"1\""), two);
            responses = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
        } finally {
            two.shutdownNow();
        }

        assertEquals(
                List.of(200, 409),
                responses.stream().map(Response::status).sorted().toList());
        Response loser =
                responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        Response winner =
                responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode conflict = loser.json();
        String winningTitle = winner.json().path("title").asText();

        assertEquals("version-conflict", conflict.at("/error/code").asText());
        assertEquals(2, conflict.path("currentVersion").asInt());
        assertEquals(winningTitle, conflict.at("/current/title").asText());
        String losingTitle = winningTitle.equals("Mine") ? "Theirs" : "Mine";
        assertEquals(losingTitle, conflict.at("/yours/title").asText(), "the losing edit comes back in the 409");
        assertEquals(
                winningTitle,
                server.get("/api/pages/" + id).json().path("title").asText());
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsOverwritten() {
        String id = server.post("/api/pages", Pages.simple("stale"))
                .json()
                .path("id")
                .asText();
        server.put("/api/pages/" + id, Pages.simple("stale").put("title", "Newer"), "If-Match", "1");

        TestServer.Response stale =
                server.put("/api/pages/" + id, Pages.simple("stale").put("title", "Older"), "If-Match", "1");
        assertEquals(409, stale.status());
        assertEquals(2, stale.json().path("currentVersion").asInt());
        assertEquals(
                "Newer", server.get("/api/pages/" + id).json().path("title").asText());
    }

    @Test
    void anEditThatDoesNotSayItsVersionIs428() {
        String id = server.post("/api/pages", Pages.simple("no-version"))
                .json()
                .path("id")
                .asText();
        TestServer.Response response = server.put("/api/pages/" + id, Pages.simple("no-version"));
        assertEquals(428, response.status());
        assertEquals("/version", response.json().at("/error/faults/0/pointer").asText());
    }

    @Test
    void theVersionMayComeInTheBody() {
        String id = server.post("/api/pages", Pages.simple("body-version"))
                .json()
                .path("id")
                .asText();
        ObjectNode edit = Pages.simple("body-version").put("title", "Via body").put("version", 1);
        assertEquals(200, server.put("/api/pages/" + id, edit).status());
        assertEquals(409, server.put("/api/pages/" + id, edit).status());
    }
}
