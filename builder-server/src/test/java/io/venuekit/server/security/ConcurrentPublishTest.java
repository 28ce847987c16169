package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 7: twenty simultaneous publishes once gave a 500 (E11000) and a gap in the numbers. */
class ConcurrentPublishTest {

    @TempDir
    Path dataDir;

    @Test
    void simultaneousPublishesGetDistinctNumbersWithoutGaps() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            for (int round = 0; round < 3; round++) {
                String id = server.post("/api/pages", SecurityFixtures.page("race" + round))
                        .json()
                        .path("id")
                        .asText();
                int callers = 20;
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(callers);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return server.post("/api/pages/" + id + "/publish", null);
                    }));
                }
                start.countDown();
                TreeSet<Integer> numbers = new TreeSet<>();
                for (Future<Response> answer : answers) {
                    Response r = answer.get();
                    assertTrue(r.status() == 201 || r.status() == 409, r.toString());
                    if (r.status() == 201) {
                        assertTrue(numbers.add(r.json().path("number").asInt()), "a number given twice: " + r);
                    }
                }
                pool.shutdown();
                assertEquals(1, numbers.first());
                assertEquals(numbers.size(), numbers.last(), "no gaps: " + numbers);
                JsonNode versions =
                        server.get("/api/pages/" + id + "/versions").json().path("versions");
                assertEquals(numbers.size(), versions.size(), versions.toString());
            }
        }
    }
}
