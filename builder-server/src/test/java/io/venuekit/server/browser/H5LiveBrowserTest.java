package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H5 page's live script (webroot/static/vk-live.js) in Chromium, under the page's real CSP: prices and
 * sold-out marks from /v1/venues/{slug}/live, a price change shown without a reload, and the actions
 * (claim a coupon, enter a lottery, add to cart, switch a tab, scroll to an anchor) (issue 19).
 */
class H5LiveBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void anH5PageShowsLivePricesAndPerformsItsActions(TestInfo info) throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withSeedSample(true))) {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (server.get("/api/products/sku-10001").status() != 200) {
                assertTrue(System.nanoTime() < deadline, "the sample's products were not seeded");
                Thread.sleep(100);
            }
            var created = server.post("/api/pages", page());
            assertEquals(201, created.status(), created.toString());
            var published =
                    server.post("/api/pages/" + created.json().path("id").asText() + "/publish", null);
            assertEquals(201, published.status(), published.toString());
            long stockBefore =
                    server.get("/api/coupons/pool-d11-50").json().path("stock").asLong();

            try (Chromium chromium = Chromium.start(420, 900)) {
                Screenshots.onFailure(
                        info,
                        () -> {
                            // the gateway in front names the signed-in shopper; here the browser sends it itself
                            chromium.send("Network.enable", Map.of());
                            chromium.send(
                                    "Network.setExtraHTTPHeaders",
                                    Map.of("headers", Map.of("X-Venuekit-User", "shopper-h5")));
                            chromium.open("http://127.0.0.1:" + server.port() + "/venues/h5-live?tier=high");
                            chromium.waitUntil("!!document.getElementById('venue').getAttribute('data-vk-live')");

                            // the live price, not the one typed at publishing; the original price beside it
                            assertEquals("¥399.00", text(chromium, "#earbuds [data-vk-field=price]"));
                            assertEquals("¥799.00", text(chromium, "#earbuds [data-vk-field=originalPrice]"));
                            // sku-10008 has no stock in the sample: marked, its button off
                            assertTrue(chromium.eval(
                                            "document.getElementById('sold-out').classList.contains('vk-soldout')")
                                    .asBoolean());
                            assertTrue(chromium.eval("document.querySelector('#sold-out button').disabled")
                                    .asBoolean());
                            assertFalse(
                                    chromium.eval("document.getElementById('earbuds').classList.contains('vk-soldout')")
                                            .asBoolean());

                            // a price change reaches the open page when it looks again (on return to it, or every 10 s)
                            var product = (com.fasterxml.jackson.databind.node.ObjectNode)
                                    server.get("/api/products/sku-10001").json();
                            product.putObject("price").put("cents", 35900);
                            var put = server.put("/api/products/sku-10001", product);
                            assertEquals(200, put.status(), put.toString());
                            chromium.waitUntil(
                                    "(document.dispatchEvent(new Event('visibilitychange')),"
                                            + " document.querySelector('#earbuds [data-vk-field=price]').textContent === '¥359.00')");

                            // claim: one coupon for this shopper, said on the card
                            chromium.click("#coupon button");
                            chromium.waitUntil(
                                    "(document.querySelector('#coupon .vk-msg') || {}).textContent === 'Claimed: the coupon is yours'");
                            assertEquals(
                                    stockBefore - 1,
                                    server.get("/api/coupons/pool-d11-50")
                                            .json()
                                            .path("stock")
                                            .asLong());
                            assertTrue(
                                    chromium.eval("document.querySelector('#coupon button').disabled")
                                            .asBoolean(),
                                    "claimed once");

                            // the lottery: a draw with an answer either way
                            chromium.click("#wheel button");
                            chromium.waitUntil(
                                    "/^(You won: .+|No prize this time)$/.test((document.querySelector('#wheel .vk-msg') || {}).textContent)");

                            // add to cart: an event the host app handles
                            chromium.eval(
                                    "window.addEventListener('venuekit:add-to-cart', function (e) { window.cart = e.detail; e.preventDefault(); })");
                            chromium.click("#earbuds button");
                            chromium.waitUntil("!!window.cart");
                            assertEquals(
                                    "sku-10001",
                                    chromium.eval("window.cart.productId").asText());
                            assertEquals(
                                    2, chromium.eval("window.cart.quantity").asInt());
                            assertEquals("Added to cart", text(chromium, "#earbuds .vk-msg"));

                            // switch-tab: the second tab opens, the first closes
                            assertTrue(chromium.eval("document.getElementById('tab-a-tab').open")
                                    .asBoolean());
                            chromium.click("#to-tab button");
                            chromium.waitUntil(
                                    "document.getElementById('tab-b-tab').open && !document.getElementById('tab-a-tab').open");

                            // scroll-to: the anchor comes to the top of the screen
                            chromium.eval("window.scrollTo(0, 0)");
                            chromium.waitUntil("window.scrollY === 0");
                            chromium.click("#to-bottom button");
                            chromium.waitUntil(
                                    "Math.abs(document.getElementById('bottom').getBoundingClientRect().top) < 4");
                        },
                        chromium);
            }
        }
    }

    private static String text(Chromium chromium, String selector) throws Exception {
        return chromium.eval("document.querySelector('" + selector + "').textContent")
                .asText();
    }

    private static Map<String, Object> page() {
        List<Object> components = new ArrayList<>();
        components.add(card("earbuds", "sku-10001", Map.of("type", "add-to-cart", "quantity", 2), "Add"));
        components.add(card("sold-out", "sku-10008", Map.of("type", "add-to-cart"), "Add"));
        components.add(component(
                "coupon",
                "coupon-card",
                2,
                Map.of(
                        "poolId",
                        "pool-d11-50",
                        "amount",
                        Map.of("cents", 5000),
                        "action",
                        Map.of("type", "claim-coupon")),
                List.of()));
        components.add(card("wheel", "sku-10002", Map.of("type", "enter-lottery", "lotteryId", "wheel-d11"), "Spin"));
        components.add(card("to-tab", "sku-10003", Map.of("type", "switch-tab", "tabs", "tabs", "tab", 1), "Tab 2"));
        components.add(card("to-bottom", "sku-10004", Map.of("type", "scroll-to", "anchor", "bottom"), "Down"));
        components.add(component(
                "tabs",
                "tabs",
                2,
                Map.of(),
                List.of(
                        component(
                                "tab-a",
                                "section",
                                1,
                                Map.of("title", "A"),
                                List.of(component("a-space", "spacer", 1, Map.of("height", 40), List.of()))),
                        component(
                                "tab-b",
                                "section",
                                1,
                                Map.of("title", "B"),
                                List.of(component("b-space", "spacer", 1, Map.of("height", 40), List.of()))))));
        for (int i = 0; i < 8; i++) {
            components.add(component("space-" + i, "spacer", 1, Map.of("height", 200), List.of()));
        }
        List<Object> below = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            below.add(component("bottom-space-" + i, "spacer", 1, Map.of("height", 200), List.of()));
        }
        components.add(component("bottom", "section", 1, Map.of("title", "Bottom"), below));
        return Map.of("slug", "h5-live", "title", "H5 live", "components", components);
    }

    private static Map<String, Object> card(String id, String sku, Map<String, Object> action, String button) {
        // the price typed at publishing is not what the page shows once the live data has come
        return component(
                id,
                "product-card",
                1,
                Map.of(
                        "productId",
                        sku,
                        "title",
                        id,
                        "campaignPrice",
                        Map.of("cents", 100),
                        "showOriginalPrice",
                        true,
                        "buttonText",
                        button,
                        "action",
                        action),
                List.of());
    }

    private static Map<String, Object> component(
            String id, String type, int version, Map<String, Object> props, List<Object> children) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("type", type);
        c.put("version", version);
        c.put("props", props);
        c.put("children", children);
        return c;
    }
}
