package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.faults.Fault;
import io.venuekit.renderer.live.CouponPool;
import io.venuekit.renderer.live.InvalidItemException;
import io.venuekit.renderer.live.ItemFaults;
import io.venuekit.renderer.live.Lottery;
import io.venuekit.renderer.live.Product;
import io.venuekit.server.http.ApiException;
import java.util.List;
import java.util.function.Function;

/**
 * What operators do to the built-in sources ({@code /api/products}, {@code /api/coupons},
 * {@code /api/lotteries}): read, create, replace, delete, each body checked with a pointer to
 * every fault. Blocking.
 */
public final class CatalogService {

    static final int DEFAULT_BUCKETS = 16;

    private final MongoProducts products;
    private final MongoCoupons coupons;
    private final MongoLotteries lotteries;
    private final ClaimService claims;

    CatalogService(MongoProducts products, MongoCoupons coupons, MongoLotteries lotteries, ClaimService claims) {
        this.products = products;
        this.coupons = coupons;
        this.lotteries = lotteries;
        this.claims = claims;
    }

    public List<Product> products(int limit) {
        return products.list(limit);
    }

    public Product product(String id) {
        return products.find(id).orElseThrow(() -> ApiException.notFound("Product " + id));
    }

    /** @return whether it was new */
    public boolean putProduct(String id, ObjectNode body) {
        return products.put(parse(withId(id, body), Product::fromJson, "product"));
    }

    public void deleteProduct(String id) {
        if (!products.delete(id)) {
            throw ApiException.notFound("Product " + id);
        }
    }

    public List<MongoCoupons.Stored> coupons(int limit) {
        return coupons.list(limit);
    }

    public MongoCoupons.Stored coupon(String id) {
        return coupons.find(id).orElseThrow(() -> ApiException.notFound("Coupon pool " + id));
    }

    public MongoCoupons.Stored createCoupon(ObjectNode body) {
        int buckets = buckets(body);
        CouponPool pool = parse(body, CouponPool::fromJson, "coupon pool");
        if (!coupons.create(pool, buckets)) {
            throw new ApiException(
                    409,
                    "exists",
                    "A coupon pool called \"" + pool.id() + "\" exists; PUT /api/coupons/" + pool.id()
                            + " changes it.");
        }
        claims.forget("coupon:" + pool.id());
        return coupon(pool.id());
    }

    /** Replaces the definition; a different {@code stock} adds or takes the difference from what is left now. */
    public MongoCoupons.Stored updateCoupon(String id, ObjectNode body) {
        body.remove("buckets");
        CouponPool pool = parse(withId(id, body), CouponPool::fromJson, "coupon pool");
        MongoCoupons.Stored current = coupon(id);
        coupons.update(pool);
        long delta = pool.stock() - current.pool().stock();
        if (delta != 0) {
            coupons.addStock(id, current.buckets(), delta);
        }
        claims.forget("coupon:" + id);
        return coupon(id);
    }

    public void deleteCoupon(String id) {
        if (!coupons.delete(id)) {
            throw ApiException.notFound("Coupon pool " + id);
        }
        claims.forget("coupon:" + id);
    }

    public List<MongoLotteries.Stored> lotteries(int limit) {
        return lotteries.list(limit);
    }

    public MongoLotteries.Stored lottery(String id) {
        return lotteries.find(id).orElseThrow(() -> ApiException.notFound("Lottery " + id));
    }

    public MongoLotteries.Stored createLottery(ObjectNode body) {
        int buckets = buckets(body);
        Lottery lottery = parse(body, Lottery::fromJson, "lottery");
        if (!lotteries.create(lottery, buckets)) {
            throw new ApiException(
                    409,
                    "exists",
                    "A lottery called \"" + lottery.id() + "\" exists; PUT /api/lotteries/" + lottery.id()
                            + " changes it.");
        }
        claims.forget("lottery:" + lottery.id());
        return lottery(lottery.id());
    }

    public MongoLotteries.Stored replaceLottery(String id, ObjectNode body) {
        body.remove("buckets");
        Lottery lottery = parse(withId(id, body), Lottery::fromJson, "lottery");
        if (!lotteries.replace(lottery)) {
            throw ApiException.notFound("Lottery " + id);
        }
        claims.forget("lottery:" + id);
        return lottery(id);
    }

    public void deleteLottery(String id) {
        if (!lotteries.delete(id)) {
            throw ApiException.notFound("Lottery " + id);
        }
        claims.forget("lottery:" + id);
    }

    private static ObjectNode withId(String id, ObjectNode body) {
        JsonNode given = body.get("id");
        if (given != null && !given.asText().equals(id)) {
            throw new ApiException(
                    400,
                    "id-mismatch",
                    "The body's id is not the one in the path.",
                    List.of(Fault.error("/id", "mismatch", "must be \"" + id + "\" or left out")),
                    null);
        }
        body.put("id", id);
        return body;
    }

    /** How many stock buckets (1 to 256, 16 unless said): more spread a hot item's claims over more documents. */
    private static int buckets(ObjectNode body) {
        JsonNode b = body.remove("buckets");
        if (b == null) {
            return DEFAULT_BUCKETS;
        }
        if (!b.isIntegralNumber() || b.asInt() < 1 || b.asInt() > StockBuckets.MAX_BUCKETS) {
            throw new ApiException(
                    400,
                    "invalid-buckets",
                    "buckets must be a whole number from 1 to " + StockBuckets.MAX_BUCKETS + ".",
                    List.of(Fault.error("/buckets", "range", "must be 1 to " + StockBuckets.MAX_BUCKETS)),
                    null);
        }
        return b.asInt();
    }

    private static <T> T parse(ObjectNode body, Function<JsonNode, T> reader, String what) {
        try {
            return reader.apply(body);
        } catch (InvalidItemException e) {
            List<Fault> faults = e.faults().stream()
                    .map((ItemFaults.Fault f) -> Fault.error(f.pointer(), f.code(), f.message()))
                    .toList();
            throw new ApiException(
                    400,
                    "invalid-" + what.replace(' ', '-'),
                    "The " + what + " has faults; each names its field.",
                    faults,
                    null);
        }
    }
}
