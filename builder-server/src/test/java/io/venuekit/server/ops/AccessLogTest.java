package io.venuekit.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every request gets its line and its id, the lines written in batches, and none is lost at close. */
class AccessLogTest {

    @Test
    void everyRequestIsLoggedWithTheIdItWasAnsweredWithAndCloseWritesWhatIsQueued() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(sink);
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.route().handler(log::handle);
            router.get("/ok").handler(ctx -> ctx.response().end("fine"));
            router.get("/missing")
                    .handler(ctx -> ctx.response().setStatusCode(404).end());
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(0, "127.0.0.1")
                    .await();
            // HTTP/1.1: the client's HTTP/2 upgrade would refuse streams past the server's concurrency limit
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.actualPort();
            List<String> ids = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String path = i % 3 == 0 ? "/missing" : "/ok";
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
                if (i == 7) {
                    request.header(AccessLog.REQUEST_ID, "caller-id-7");
                }
                if (i == 8) {
                    request.header(AccessLog.REQUEST_ID, "not/sane" + "x".repeat(80));
                }
                sent.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
                if (sent.size() == 20 || i == 299) { // twenty at a time, on as many connections
                    for (var f : sent) {
                        ids.add(f.get()
                                .headers()
                                .firstValue(AccessLog.REQUEST_ID)
                                .orElseThrow());
                    }
                    sent.clear();
                }
            }
            log.close();

            String[] lines = sink.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(300, lines.length, "one line per request, none left in the queue at close");
            assertEquals("caller-id-7", ids.get(7), "a sane id from the caller is kept");
            assertTrue(ids.get(8).matches("[0-9a-f]{24}"), "an unusable one is replaced: " + ids.get(8));
            String all = String.join("\n", lines);
            for (int i = 0; i < ids.size(); i++) {
                String status = i % 3 == 0 ? " GET /missing 404 " : " GET /ok 200 4 ";
                assertTrue(
                        all.contains(" " + ids.get(i) + " 127.0.0.1" + status),
                        "request " + i + " logged: " + ids.get(i));
            }
            for (String line : lines) {
                assertTrue(line.startsWith("access "), line);
            }
            assertEquals(0, log.dropped());
        } finally {
            log.close();
            vertx.close().await();
        }
    }
}
