package io.venuekit.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.Eventually;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The low tier's H5 page has no script, so the server fills in what the live script does elsewhere:
 * today's price, sold-out marks; and it is cached no longer than the live data.
 */
class LowTierLiveDataTest {

    @TempDir
    Path dataDir;

    private static void price(TestServer server, String sku, long cents, long stock) {
        Response r = server.put(
                "/api/products/" + sku,
                Map.of("title", "Item " + sku, "price", Map.of("cents", cents), "stock", stock));
        assertTrue(r.status() == 200 || r.status() == 201, r.toString());
    }

    private static Map<String, Object> card(String id, String sku) {
        return Map.of(
                "id",
                id,
                "type",
                "product-card",
                "props",
                Map.of("productId", sku, "title", "Card " + id, "campaignPrice", Map.of("cents", 39900)),
                "children",
                List.of());
    }

    @Test
    void theLowTierPageShowsTodaysPricesAndStockWithoutScript() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            price(server, "sku-a", 9900, 10);
            price(server, "sku-b", 5000, 0);
            Response created = server.post(
                    "/api/pages",
                    Map.of(
                            "slug",
                            "low-live",
                            "title",
                            "Low",
                            "components",
                            List.of(Map.of(
                                    "id",
                                    "grid",
                                    "type",
                                    "product-grid",
                                    "props",
                                    Map.of("columns", 2),
                                    "children",
                                    List.of(card("card-a", "sku-a"), card("card-b", "sku-b"))))));
            assertEquals(201, created.status(), created.toString());
            Response published =
                    server.post("/api/pages/" + created.json().get("id").asText() + "/publish", Map.of());
            assertEquals(201, published.status(), published.toString());

            Response low = server.get("/venues/low-live?tier=low");
            assertEquals(200, low.status(), low.toString());
            assertFalse(low.text().contains("<script"), "the low tier stays without script");
            assertTrue(low.text().contains(">¥99.00<"), low.text());
            assertFalse(low.text().contains("¥399.00"), "the published price is not today's: " + low.text());
            String b = low.text().substring(low.text().indexOf("id=\"card-b\"") - 80);
            assertTrue(b.contains("vk-soldout") && b.contains("Sold out"), b);
            assertEquals("public, max-age=1", low.header("Cache-Control"), "as fresh as the live data");

            price(server, "sku-a", 7700, 10);
            Response later = Eventually.get(
                    () -> server.get("/venues/low-live?tier=low"),
                    r -> r.text().contains(">¥77.00<"),
                    "the new price on the low tier's page");
            assertNotEquals(low.header("ETag"), later.header("ETag"), "new bytes, new ETag");
            assertEquals(
                    304,
                    server.get("/venues/low-live?tier=low", "If-None-Match", later.header("ETag"))
                            .status());

            // a low page that binds nothing keeps the long cache
            Response plain = server.post(
                    "/api/pages",
                    Map.of(
                            "slug",
                            "low-plain",
                            "title",
                            "Plain",
                            "components",
                            List.of(Map.of(
                                    "id",
                                    "t",
                                    "type",
                                    "rich-text",
                                    "props",
                                    Map.of("text", "Hello"),
                                    "children",
                                    List.of()))));
            assertEquals(201, plain.status(), plain.toString());
            assertEquals(
                    201,
                    server.post("/api/pages/" + plain.json().get("id").asText() + "/publish", Map.of())
                            .status());
            Response plainLow = server.get("/venues/low-plain?tier=low");
            assertEquals(200, plainLow.status(), plainLow.toString());
            assertTrue(
                    plainLow.header("Cache-Control").startsWith("public, max-age=30"),
                    plainLow.header("Cache-Control"));

            // the tiers with script keep their long-cached page; the script fetches the prices
            Response mid = server.get("/venues/low-live?tier=mid");
            assertTrue(mid.text().contains("/static/vk-live.js"), mid.text());
            assertTrue(mid.header("Cache-Control").startsWith("public, max-age=30"), mid.header("Cache-Control"));
        }
    }
}
