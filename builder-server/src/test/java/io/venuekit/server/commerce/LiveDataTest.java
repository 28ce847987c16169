package io.venuekit.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /v1/venues/{slug}/live beside a published page whose cards share SKUs. */
class LiveDataTest {

    @TempDir
    Path dataDir;

    private static Map<String, Object> card(String id, String sku) {
        return Map.of("id", id, "type", "product-card", "props", Map.of("productId", sku), "children", List.of());
    }

    private static void publish(TestServer server) {
        List<Object> cards = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cards.add(card("card-" + i, "sku-" + (i % 4)));
        }
        Map<String, Object> page = Map.of(
                "slug",
                "live-test",
                "title",
                "Live",
                "components",
                List.of(Map.of(
                        "id", "grid", "type", "product-grid", "props", Map.of("columns", 2), "children", cards)));
        Response created = server.post("/api/pages", page);
        assertEquals(201, created.status(), created.toString());
        Response published =
                server.post("/api/pages/" + created.json().get("id").asText() + "/publish", Map.of());
        assertEquals(201, published.status(), published.toString());
    }

    private static void price(TestServer server, String sku, long cents, long stock) {
        Response r = put(server, sku, cents, stock);
        assertTrue(r.status() == 200 || r.status() == 201, r.toString());
    }

    /**
     * Like {@link #price}, but waits as a 429 says and sends again, as an operator's tool would: the readers
     * of this test share the writer's address, and on a slow machine they can empty its bucket.
     */
    private static void priceWaitingWhenTold(TestServer server, String sku, long cents, long stock)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Response r = put(server, sku, cents, stock);
            if (r.status() != 429 || attempt == 20) {
                assertTrue(r.status() == 200 || r.status() == 201, r.toString());
                return;
            }
            Thread.sleep(1000L * Long.parseLong(r.header("Retry-After")));
        }
    }

    private static Response put(TestServer server, String sku, long cents, long stock) {
        return server.put(
                "/api/products/" + sku,
                Map.of(
                        "title",
                        "Item " + sku,
                        "price",
                        Map.of("cents", cents),
                        "originalPrice",
                        Map.of("cents", cents * 2),
                        "stock",
                        stock));
    }

    @Test
    void liveDataCarriesOnePricePerSkuFromOneSnapshotWhilePricesChangeAndTheLayoutStaysPut() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            for (int i = 0; i < 4; i++) {
                price(server, "sku-" + i, 1000, i == 3 ? 0 : 10);
            }
            publish(server);
            Response layout = server.get("/v1/venues/live-test/layout?tier=high");
            assertEquals(200, layout.status(), layout.toString());

            Response live = server.get("/v1/venues/live-test/live");
            assertEquals(200, live.status(), live.toString());
            JsonNode body = live.json();
            assertEquals(4, body.at("/items/product").size());
            assertEquals(1000, body.at("/items/product/sku-0/price/cents").asLong());
            assertEquals(body.get("priceSnapshot").asText(), live.header("X-Price-Snapshot"));
            assertEquals("public, max-age=1", live.header("Cache-Control"));
            List<String> soldOut = new ArrayList<>();
            body.get("soldOut").forEach(n -> soldOut.add(n.asText()));
            assertEquals(List.of("card-3", "card-7", "card-11"), soldOut, "sku-3 has no stock: its cards are marked");
            assertEquals(
                    304,
                    server.get("/v1/venues/live-test/live", "If-None-Match", live.header("ETag"))
                            .status());

            // a thread changes every price while readers fetch
            // paced under the builder-write limit per address; a refusal is waited out, so every change lands
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                long cents = 1001;
                try {
                    while (!stop.get()) {
                        for (int i = 0; i < 4; i++) {
                            priceWaitingWhenTold(server, "sku-" + i, cents, 10);
                        }
                        cents++;
                        Thread.sleep(120);
                    }
                } catch (Throwable t) {
                    writerFailure.set(t);
                }
            });
            writer.start();
            Map<String, String> pricesBySnapshot = new ConcurrentHashMap<>();
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (pricesBySnapshot.size() < 4 && System.nanoTime() < deadline) {
                    Response r = server.get("/v1/venues/live-test/live");
                    assertEquals(200, r.status(), r.toString());
                    JsonNode products = r.json().at("/items/product");
                    Map<String, Long> prices = new HashMap<>();
                    products.fields()
                            .forEachRemaining(e -> prices.put(
                                    e.getKey(), e.getValue().at("/price/cents").asLong()));
                    assertEquals(4, prices.size(), "each SKU once, whatever the number of cards");
                    String snapshot = r.json().get("priceSnapshot").asText();
                    assertNotNull(snapshot);
                    String before = pricesBySnapshot.putIfAbsent(snapshot, new java.util.TreeMap<>(prices).toString());
                    if (before != null) {
                        assertEquals(
                                before, new java.util.TreeMap<>(prices).toString(), "one snapshot id, one price list");
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertNull(writerFailure.get(), () -> "the price writer failed: " + writerFailure.get());
            assertTrue(
                    pricesBySnapshot.size() >= 4,
                    "prices moved under the readers: " + pricesBySnapshot.size() + " snapshots");
            Response after = server.get("/v1/venues/live-test/layout?tier=high");
            assertEquals(
                    layout.header("ETag"),
                    after.header("ETag"),
                    "prices live beside the layout, whose bytes never changed");
        }
    }

    @Test
    void operatorsEditsAreCheckedWithPointers() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            Response bad = server.put(
                    "/api/products/sku-1", Map.of("title", "", "price", Map.of("cents", -5), "stock", "lots"));
            assertEquals(400, bad.status(), bad.toString());
            List<String> pointers = new ArrayList<>();
            bad.json()
                    .at("/error/faults")
                    .forEach(f -> pointers.add(f.get("pointer").asText()));
            assertEquals(List.of("/title", "/price/cents", "/stock"), pointers);
            Response odds = server.post(
                    "/api/lotteries",
                    Map.of("id", "w", "prizes", List.of(Map.of("id", "a", "name", "A", "odds", 2, "stock", 1))));
            assertEquals(
                    "/prizes/0/odds", odds.json().at("/error/faults/0/pointer").asText(), odds.toString());
            assertEquals(404, server.get("/v1/venues/nowhere/live").status());
        }
    }
}
