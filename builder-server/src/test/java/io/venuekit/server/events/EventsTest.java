package io.venuekit.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTest {

    @TempDir
    Path dataDir;

    private static Map<String, Object> batch(String id, String tier, List<Object> events) {
        return Map.of("batch", id, "page", "p1", "version", 3, "tier", tier, "events", events);
    }

    @Test
    void batchesAreCountedOncePerComponentTierAndVariant() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            List<Object> events = List.of(
                    Map.of("type", "exposure", "tracking", "p1:hero"),
                    Map.of("type", "exposure", "tracking", "p1:hero", "count", 4),
                    Map.of("type", "click", "tracking", "p1:hero"),
                    Map.of("type", "exposure", "tracking", "p1:slot.1", "variant", "b"));
            Response first = server.post("/v1/events", batch("batch-0001", "low", events));
            assertEquals(202, first.status(), first.toString());
            assertEquals(7, first.json().get("counted").asInt());
            Response again = server.post("/v1/events", batch("batch-0001", "low", events));
            assertEquals(0, again.json().get("counted").asInt());
            assertTrue(again.json().get("duplicate").asBoolean());
            server.post(
                    "/v1/events", batch("batch-0002", "high", List.of(Map.of("type", "click", "tracking", "p1:hero"))));

            JsonNode counts = server.get("/api/pages/p1/events").json();
            Map<String, String> components = new HashMap<>();
            counts.get("components")
                    .forEach(c -> components.put(
                            c.get("tracking").asText(),
                            c.get("exposures").asLong() + "/" + c.get("clicks").asLong()));
            assertEquals(Map.of("p1:hero", "5/2", "p1:slot.1", "1/0"), components);
            List<String> rows = new ArrayList<>();
            counts.get("rows")
                    .forEach(r -> rows.add(r.get("version").asInt() + " "
                            + r.get("tracking").asText() + " " + r.get("tier").asText() + " "
                            + (r.get("variant").isNull()
                                    ? "-"
                                    : r.get("variant").asText()) + " "
                            + r.get("exposures").asLong() + "/"
                            + r.get("clicks").asLong()));
            rows.sort(null);
            assertEquals(List.of("3 p1:hero high - 0/1", "3 p1:hero low - 5/1", "3 p1:slot.1 low b 1/0"), rows);
        }
    }

    @Test
    void malformedBatchesAreRefusedWithPointersAndNothingCounted() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            Map<String, Object> bad = new HashMap<>();
            bad.put("batch", "short");
            bad.put("page", "p1");
            bad.put("version", 0);
            bad.put("tier", "ultra");
            bad.put("extra", true);
            bad.put(
                    "events",
                    List.of(
                            Map.of("type", "exposure", "tracking", "p1:hero"),
                            Map.of("type", "hover", "tracking", "p1:hero"),
                            Map.of("type", "click", "tracking", "bad id!", "count", 5000),
                            "not an event"));
            Response r = server.post("/v1/events", bad);
            assertEquals(400, r.status(), r.toString());
            List<String> pointers = new ArrayList<>();
            r.json()
                    .at("/error/faults")
                    .forEach(f -> pointers.add(f.get("pointer").asText()));
            assertEquals(
                    List.of(
                            "/batch",
                            "/version",
                            "/tier",
                            "/events/1/type",
                            "/events/2/tracking",
                            "/events/2/count",
                            "/events/3",
                            "/extra"),
                    pointers);
            List<Object> tooMany = new ArrayList<>();
            for (int i = 0; i < EventBatch.MAX_EVENTS + 1; i++) {
                tooMany.add(Map.of("type", "exposure", "tracking", "t"));
            }
            Response big = server.post("/v1/events", batch("batch-0003", "low", tooMany));
            assertEquals("/events", big.json().at("/error/faults/0/pointer").asText(), big.toString());
            assertEquals(400, server.post("/v1/events", "[1]").status());
            assertEquals(
                    0,
                    server.get("/api/pages/p1/events").json().get("components").size(),
                    "nothing was counted");
        }
    }
}
