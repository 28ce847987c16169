package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.live.CircuitBreaker;
import io.venuekit.renderer.live.CouponPool;
import io.venuekit.renderer.live.DataSource;
import io.venuekit.renderer.live.HttpProductSource;
import io.venuekit.renderer.live.LiveResolver;
import io.venuekit.renderer.live.Lottery;
import io.venuekit.renderer.live.Product;
import io.venuekit.renderer.live.SourceCache;
import io.venuekit.server.http.Json;
import io.venuekit.server.layout.PublishedPages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data and commerce, built once: the built-in sources over MongoDB (or, with {@code CATALOG_URL},
 * the products of a real catalogue service), the live-data resolver, claims and draws, and the
 * operators' catalogue service.
 */
public final class Commerce {

    private static final Logger LOG = LoggerFactory.getLogger(Commerce.class);
    static final String SAMPLE = "venuekit/commerce/double11-sample.json";
    /** How long a batch of a source is reused: prices and stock at most this old, plus the response's max-age. */
    static final long SOURCE_TTL_MILLIS = 1_000;
    /** How long a failing source's last answer stands in for it. */
    static final long STALE_MILLIS = 5 * 60_000;

    static final long LIVE_MAX_AGE_SECONDS = 1;
    /** Claims and draws per shopper: ten at once, then two a second. */
    static final double CLAIMS_PER_SECOND = 2;

    static final double CLAIMS_BURST = 10;

    private final MongoProducts products;
    private final MongoCoupons coupons;
    private final MongoLotteries lotteries;
    private final ClaimService claims;
    private final CatalogService catalog;
    private final LiveService live;
    private final LiveResolver liveResolver;
    private final Clock clock;

    /** @param catalogUrl a catalogue service for products instead of the built-in one, or null */
    public Commerce(
            MongoDatabase db,
            ComponentRegistry registry,
            PublishedPages pages,
            LayoutRenderer renderer,
            Clock clock,
            URI catalogUrl) {
        this.clock = clock;
        StockBuckets buckets = new StockBuckets(db, clock::millis);
        this.products = new MongoProducts(db);
        this.coupons = new MongoCoupons(db, buckets);
        this.lotteries = new MongoLotteries(db, buckets);
        this.claims = new ClaimService(
                coupons,
                lotteries,
                new MongoIdempotency(db),
                new UserLimiter(CLAIMS_PER_SECOND, CLAIMS_BURST, System::nanoTime),
                clock,
                ThreadLocalRandom::current);
        this.catalog = new CatalogService(products, coupons, lotteries, claims);
        DataSource productSource = catalogUrl == null
                ? products
                : new HttpProductSource(
                        catalogUrl, Duration.ofMillis(800), new CircuitBreaker(5, 10_000, System::currentTimeMillis));
        LiveResolver resolver = new LiveResolver(
                registry,
                Map.of(
                        Product.SOURCE, cache(productSource),
                        CouponPool.SOURCE, cache(coupons),
                        Lottery.SOURCE, cache(lotteries)),
                LIVE_MAX_AGE_SECONDS);
        this.liveResolver = resolver;
        this.live = new LiveService(pages, resolver, renderer, clock);
    }

    private SourceCache cache(DataSource source) {
        return new SourceCache(source, SOURCE_TTL_MILLIS, STALE_MILLIS, clock::millis);
    }

    public ClaimService claims() {
        return claims;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public LiveService live() {
        return live;
    }

    /** The bound items of a snapshot, for pages the server fills with them (the low tier's H5 page). */
    public LiveResolver liveResolver() {
        return liveResolver;
    }

    /** Loads the sample venue's products, coupon pools and lottery into whichever collection is empty. */
    public void seedIfEmpty() {
        JsonNode sample = load();
        if (products.isEmpty()) {
            sample.path("products").forEach(p -> products.put(Product.fromJson(p)));
        }
        if (coupons.isEmpty()) {
            // valid from now for the sample's 30 days, as the sample venue itself is moved to today
            String until = clock.instant().plus(Duration.ofDays(30)).toString();
            sample.path("coupons")
                    .forEach(c -> coupons.create(
                            CouponPool.fromJson(((ObjectNode) c.deepCopy()).put("validUntil", until)),
                            CatalogService.DEFAULT_BUCKETS));
        }
        if (lotteries.isEmpty()) {
            sample.path("lotteries")
                    .forEach(l -> lotteries.create(Lottery.fromJson(l), CatalogService.DEFAULT_BUCKETS));
        }
        LOG.info("Sample products, coupon pools and lottery in place");
    }

    private static JsonNode load() {
        try (InputStream in = Commerce.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the jar");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
