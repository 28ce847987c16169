package io.venuekit.renderer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveResolverTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FakeSources.Products products = new FakeSources.Products();
    private final FakeSources.Coupons coupons = new FakeSources.Coupons();

    private LiveResolver resolver(ComponentRegistry registry) {
        return new LiveResolver(
                registry,
                Map.of(
                        Product.SOURCE, new SourceCache(products, 1000, 60_000, now::get),
                        CouponPool.SOURCE, new SourceCache(coupons, 1000, 60_000, now::get)),
                1);
    }

    /** A grid of forty cards over ten SKUs (each bound four times), two coupons and a feed no source here answers. */
    private static ObjectNode snapshot() {
        ObjectNode s =
                MAPPER.createObjectNode().put("pageId", "p1").put("number", 3).put("slug", "s");
        ArrayNode components = s.putArray("components");
        ObjectNode grid = components.addObject().put("id", "grid").put("type", "product-grid");
        grid.putObject("props");
        ArrayNode cards = grid.putArray("children");
        for (int i = 0; i < 40; i++) {
            ObjectNode card = cards.addObject().put("id", "card-" + i).put("type", "product-card");
            card.putObject("props").put("productId", "sku-" + (i % 10));
            card.putArray("children");
        }
        for (String pool : List.of("pool-a", "pool-b")) {
            ObjectNode c = components.addObject().put("id", "coupon-" + pool).put("type", "coupon-card");
            c.putObject("props").put("poolId", pool).putObject("amount").put("cents", 500);
            c.putArray("children");
        }
        ObjectNode feed = components.addObject().put("id", "feed").put("type", "product-waterfall");
        feed.putObject("props").put("feedId", "feed-1");
        feed.putArray("children");
        return s;
    }

    private void stock() {
        for (int i = 0; i < 10; i++) {
            products.add("sku-" + i, 1000 + i, 5);
        }
        coupons.items.put("pool-a", new CouponPool("pool-a", null, Money.cents(500), null, null, null, 10));
        coupons.items.put("pool-b", new CouponPool("pool-b", null, Money.cents(500), null, null, null, 0));
    }

    @Test
    void oneBatchedCallPerSourceAndOneEntryPerItem() {
        stock();
        LiveData live = resolver(REGISTRY).resolve(snapshot());

        assertEquals(1, products.calls.get(), "forty cards, one call");
        assertEquals(1, coupons.calls.get());
        JsonNode items = live.payload().get("items");
        assertEquals(10, items.get("product").size());
        assertEquals(1003, items.at("/product/sku-3/price/cents").asLong());
        assertEquals(live.priceSnapshot(), live.payload().get("priceSnapshot").asText());
        assertEquals("feed", live.payload().at("/unresolved/0/component").asText());
        // the sold-out pool is marked, as coupon-card's schema says
        assertEquals("[\"coupon-pool-b\"]", live.payload().get("soldOut").toString());
    }

    @Test
    void theShortCacheAnswersUntilItsTimeIsUpAndTheResponseIsReusedForTheSameBatches() {
        stock();
        LiveResolver resolver = resolver(REGISTRY);
        LiveData first = resolver.resolve(snapshot());
        LiveData second = resolver.resolve(snapshot());
        assertSame(first, second);
        assertEquals(1, products.calls.get());
        now.addAndGet(1001);
        assertEquals(null, resolver.cached(snapshot()), "nothing fresh: cached() must not block on a source");
        products.add("sku-1", 7777, 5);
        LiveData third = resolver.resolve(snapshot());
        assertEquals(2, products.calls.get());
        assertEquals(
                7777, third.payload().at("/items/product/sku-1/price/cents").asLong());
        assertNotEquals(first.priceSnapshot(), third.priceSnapshot());
        assertNotEquals(first.etag(), third.etag());
    }

    @Test
    void soldOutItemsAreMarkedOrDroppedAsTheSchemaSaysAndMissingOnesHidden() {
        stock();
        products.add("sku-2", 1002, 0);
        products.items.remove("sku-4");
        LiveData marked = resolver(REGISTRY).resolve(snapshot());
        Set<String> soldOut = texts(marked.payload().get("soldOut"));
        assertTrue(soldOut.containsAll(List.of("card-2", "card-12", "card-22", "card-32")), soldOut.toString());
        Set<String> hidden = new HashSet<>();
        marked.payload().get("hidden").forEach(h -> {
            assertEquals("missing", h.get("reason").asText());
            hidden.add(h.get("component").asText());
        });
        assertEquals(Set.of("card-4", "card-14", "card-24", "card-34"), hidden);

        LiveData dropped = resolver(withProductCardSoldOut("drop")).resolve(snapshot());
        List<String> reasons = new ArrayList<>();
        dropped.payload()
                .get("hidden")
                .forEach(h -> reasons.add(
                        h.get("component").asText() + ":" + h.get("reason").asText()));
        assertTrue(reasons.contains("card-2:sold-out"), reasons.toString());
        assertFalse(texts(dropped.payload().get("soldOut")).contains("card-2"));
    }

    @Test
    void aFailingSourceIsAnsweredFromItsLastBatchMarkedStale() {
        stock();
        LiveResolver resolver = resolver(REGISTRY);
        LiveData good = resolver.resolve(snapshot());
        now.addAndGet(2000);
        products.failWith = new DataSourceException("down");
        LiveData stale = resolver.resolve(snapshot());
        assertTrue(stale.stale());
        assertTrue(stale.payload().get("stale").asBoolean());
        assertEquals(good.priceSnapshot(), stale.priceSnapshot());
        assertTrue(stale.etag().endsWith("-stale\""), stale.etag());
    }

    /**
     * A writer changes every price, SKU by SKU, as fast as it can, while readers resolve: every
     * response shows each SKU once with one price, and its priceSnapshot names exactly the prices
     * it shows (the same snapshot id never stands for two different price lists).
     */
    @Test
    void oneSnapshotPerResponseWhilePricesChange() throws Exception {
        stock();
        LiveResolver resolver = new LiveResolver(
                REGISTRY, Map.of(Product.SOURCE, new SourceCache(products, 0, 60_000, System::nanoTime)), 1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            long price = 1;
            while (!stop.get()) {
                for (int i = 0; i < 10; i++) {
                    products.add("sku-" + i, price, 5);
                }
                price++;
            }
        });
        writer.start();
        Map<String, String> pricesBySnapshot = new java.util.concurrent.ConcurrentHashMap<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            Thread t = new Thread(() -> {
                try {
                    for (int n = 0; n < 500; n++) {
                        LiveData live = resolver.resolve(snapshot());
                        JsonNode product = live.payload().at("/items/product");
                        assertEquals(10, product.size());
                        StringBuilder prices = new StringBuilder();
                        product.fields()
                                .forEachRemaining(e -> prices.append(e.getKey())
                                        .append('=')
                                        .append(e.getValue().at("/price/cents").asLong())
                                        .append(';'));
                        String before = pricesBySnapshot.putIfAbsent(live.priceSnapshot(), prices.toString());
                        if (before != null) {
                            assertEquals(before, prices.toString(), "one snapshot id, two price lists");
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            readers.add(t);
            t.start();
        }
        for (Thread t : readers) {
            t.join();
        }
        stop.set(true);
        writer.join();
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(pricesBySnapshot.size() > 1, "the prices changed under the readers");
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static ComponentRegistry withProductCardSoldOut(String policy) {
        List<ComponentSchema> schemas = new ArrayList<>();
        for (ComponentSchema s : REGISTRY.all()) {
            if (s.type().equals("product-card")) {
                ObjectNode file = s.file().deepCopy();
                ((ObjectNode) file.at("/data/product")).put("soldOut", policy);
                s = new ComponentSchema(
                        s.type(),
                        s.version(),
                        s.title(),
                        s.category(),
                        s.icon(),
                        s.description(),
                        s.props(),
                        s.defaults(),
                        s.images(),
                        s.slots(),
                        s.data(),
                        s.tiers(),
                        s.fallback(),
                        s.migrations(),
                        file);
            }
            schemas.add(s);
        }
        return new ComponentRegistry(schemas);
    }
}
