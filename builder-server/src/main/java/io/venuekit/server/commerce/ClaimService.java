package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.renderer.live.CouponPool;
import io.venuekit.renderer.live.Lottery;
import io.venuekit.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Claims coupons and draws lotteries for shoppers: rate limited per shopper, idempotent per
 * (shopper, {@code Idempotency-Key}) — a repeated key gets the first answer, whatever happened
 * since — and taking stock only through {@link StockBuckets}' conditional updates, so nothing is
 * ever handed out beyond its stock. Without transactions (the embedded database has none) the
 * steps are ordered so that a failure between them never oversells: the shopper's claim is
 * recorded before stock is taken and released if there was none.
 */
public final class ClaimService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern USER = Pattern.compile("[\\x21-\\x7e]{1,128}");
    /** Definitions change rarely; claims read them from memory for this long. */
    private static final long DEFINITION_MILLIS = 1_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An answer to send: status and body; {@code replay} when it is the stored first answer to the key. */
    public record Answer(int status, ObjectNode body, boolean replay) {}

    private final MongoCoupons coupons;
    private final MongoLotteries lotteries;
    private final MongoIdempotency idempotency;
    private final UserLimiter limiter;
    private final Clock clock;
    private final Supplier<RandomGenerator> random;
    private final Map<String, Timed<?>> definitions = new ConcurrentHashMap<>();

    private record Timed<T>(T value, long until) {}

    ClaimService(
            MongoCoupons coupons,
            MongoLotteries lotteries,
            MongoIdempotency idempotency,
            UserLimiter limiter,
            Clock clock,
            Supplier<RandomGenerator> random) {
        this.coupons = coupons;
        this.lotteries = lotteries;
        this.idempotency = idempotency;
        this.limiter = limiter;
        this.clock = clock;
        this.random = random;
    }

    /** The shopper the gateway names, checked; 401 without one. */
    public static String shopper(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(
                    401,
                    "no-shopper",
                    "Claims and draws need the signed-in shopper: the gateway names them in X-Venuekit-User.");
        }
        String user = header.trim();
        if (!USER.matcher(user).matches()) {
            throw new ApiException(400, "bad-shopper", "X-Venuekit-User must be 1 to 128 visible ASCII characters.");
        }
        return user;
    }

    public static String key(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(
                    400,
                    "no-idempotency-key",
                    "Send an Idempotency-Key header (1 to 128 of A-Z a-z 0-9 . _ : -), the same"
                            + " one when you retry, so that a retry never claims twice.");
        }
        if (!KEY.matcher(header.trim()).matches()) {
            throw new ApiException(
                    400, "bad-idempotency-key", "An Idempotency-Key is 1 to 128 of A-Z a-z 0-9 . _ : -.");
        }
        return header.trim();
    }

    public Answer claim(String user, String key, String couponId) {
        return once(user, key, "claim coupon " + couponId, () -> doClaim(user, couponId));
    }

    public Answer draw(String user, String key, String lotteryId) {
        return once(user, key, "draw lottery " + lotteryId, () -> doDraw(user, lotteryId));
    }

    private Answer once(String user, String key, String scope, Supplier<Answer> act) {
        long wait = limiter.acquire(user);
        if (wait > 0) {
            throw new ApiException(
                    429,
                    "too-many-requests",
                    "Too many claims and draws from this shopper; try again in " + wait + " s.",
                    List.of(),
                    NODES.objectNode().put("retryAfter", wait));
        }
        Optional<MongoIdempotency.Recorded> earlier =
                idempotency.begin(user, key, scope, clock.instant().toString());
        if (earlier.isPresent()) {
            MongoIdempotency.Recorded r = earlier.get();
            if (!r.scope().equals(scope)) {
                throw new ApiException(
                        422,
                        "idempotency-key-reused",
                        "This Idempotency-Key was used for another request (" + r.scope()
                                + "); use a new key for each new claim or draw.");
            }
            if (r.pending()) {
                throw new ApiException(
                        409,
                        "in-progress",
                        "A request with this Idempotency-Key is still being answered; retry in a moment.",
                        List.of(),
                        NODES.objectNode().put("retryAfter", 1));
            }
            return new Answer(r.status(), (ObjectNode) r.body(), true);
        }
        Answer answer;
        try {
            answer = act.get();
        } catch (RuntimeException e) {
            idempotency.abandon(user, key);
            throw e;
        }
        idempotency.finish(user, key, answer.status(), answer.body());
        return answer;
    }

    private Answer doClaim(String user, String couponId) {
        MongoCoupons.Stored stored =
                definition("coupon:" + couponId, () -> coupons.find(couponId).orElse(null));
        if (stored == null) {
            return error(404, "not-found", "No coupon pool is called \"" + couponId + "\".");
        }
        CouponPool pool = stored.pool();
        Instant now = clock.instant();
        if (!pool.open(now)) {
            return pool.validFrom() != null && now.isBefore(pool.validFrom())
                    ? error(409, "not-yet-open", "Claims for this coupon open at " + pool.validFrom() + ".")
                    : error(410, "expired", "This coupon ended at " + pool.validUntil() + ".");
        }
        if (!coupons.reserveClaim(couponId, user, now.toString())) {
            return error(409, "already-claimed", "This shopper already holds this coupon.");
        }
        int bucket;
        try {
            bucket = coupons.takeOne(couponId, stored.buckets());
        } catch (RuntimeException e) {
            coupons.releaseClaim(couponId, user);
            throw e;
        }
        if (bucket < 0) {
            coupons.releaseClaim(couponId, user);
            return error(409, "sold-out", "Every coupon of this pool has been claimed.");
        }
        coupons.confirmClaim(couponId, user, bucket);
        ObjectNode body = NODES.objectNode();
        ObjectNode claim = body.putObject("claim");
        claim.put("coupon", couponId).put("user", user).put("at", now.toString());
        claim.set("amount", pool.amount().toJson());
        if (pool.threshold() != null) {
            claim.set("threshold", pool.threshold().toJson());
        }
        if (pool.validUntil() != null) {
            claim.put("validUntil", pool.validUntil().toString());
        }
        return new Answer(201, body, false);
    }

    private Answer doDraw(String user, String lotteryId) {
        MongoLotteries.Stored stored = definition(
                "lottery:" + lotteryId, () -> lotteries.find(lotteryId).orElse(null));
        if (stored == null) {
            return error(404, "not-found", "No lottery is called \"" + lotteryId + "\".");
        }
        Lottery lottery = stored.lottery();
        if (lottery.soldOut()) {
            // the stock seen at most a second ago: a lottery whose last prize went since then answers "lose" instead
            return error(410, "lottery-over", "Every prize of this lottery has been won.");
        }
        int used = lotteries.useChance(lotteryId, user, lottery.drawsPerUser());
        if (used < 0) {
            return error(409, "no-chances-left", "This shopper has used all " + lottery.drawsPerUser() + " draws.");
        }
        Lottery.Prize won = roll(lottery.prizes(), random.get().nextDouble());
        boolean win = won != null && lotteries.takePrize(lotteryId, won.id(), stored.buckets()) >= 0;
        ObjectNode body = NODES.objectNode();
        ObjectNode draw = body.putObject("draw");
        draw.put("lottery", lotteryId).put("result", win ? "win" : "lose");
        if (win) {
            draw.putObject("prize").put("id", won.id()).put("name", won.name());
        } else {
            draw.putNull("prize");
        }
        draw.put("drawsLeft", Math.max(0, lottery.drawsPerUser() - used));
        draw.put("at", clock.instant().toString());
        return new Answer(200, body, false);
    }

    /**
     * The prize a uniform draw {@code u} in [0, 1) lands on, the prizes laid end to end by their
     * odds, or null past them (no prize). A prize whose stock ran out keeps its share, which then
     * loses, so that what is left is never won more often than its configured odds say.
     */
    static Lottery.Prize roll(List<Lottery.Prize> prizes, double u) {
        double edge = 0;
        for (Lottery.Prize p : prizes) {
            edge += p.odds();
            if (u < edge) {
                return p;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private <T> T definition(String key, Supplier<T> load) {
        long now = clock.millis();
        Timed<?> t = definitions.get(key);
        if (t != null && now < t.until()) {
            return (T) t.value();
        }
        T value = load.get();
        if (definitions.size() > 10_000) {
            definitions.clear();
        }
        definitions.put(key, new Timed<>(value, now + DEFINITION_MILLIS));
        return value;
    }

    /** Forgets a definition at once (an operator changed it here). */
    void forget(String key) {
        definitions.remove(key);
    }

    private static Answer error(int status, String code, String message) {
        ObjectNode body = NODES.objectNode();
        body.putObject("error").put("status", status).put("code", code).put("message", message);
        return new Answer(status, body, false);
    }
}
