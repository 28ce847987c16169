package io.venuekit.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims and draws through the real server over the embedded database. */
class ClaimsTest {

    @TempDir
    Path dataDir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(ServerConfig.forTests(dataDir));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response claim(String coupon, String user, String key) {
        return server.post("/v1/coupons/" + coupon + "/claim", null, "X-Venuekit-User", user, "Idempotency-Key", key);
    }

    private Response draw(String lottery, String user, String key) {
        return server.post("/v1/lotteries/" + lottery + "/draw", null, "X-Venuekit-User", user, "Idempotency-Key", key);
    }

    @Test
    void twoHundredConcurrentClaimsOnFiftyCouponsGiveExactlyFifty() throws Exception {
        Response made = server.post(
                "/api/coupons", Map.of("id", "hot-50", "amount", Map.of("cents", 500), "stock", 50, "buckets", 8));
        assertEquals(201, made.status(), made.toString());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String user = "shopper-" + i;
            answers.add(pool.submit(() -> claim("hot-50", user, "k-" + user)));
        }
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        for (Future<Response> f : answers) {
            Response r = f.get();
            String outcome =
                    r.status() == 201 ? "claimed" : r.json().at("/error/code").asText();
            outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        }
        pool.shutdown();
        assertEquals(50, outcomes.get("claimed").get(), outcomes.toString());
        assertEquals(150, outcomes.get("sold-out").get(), outcomes.toString());
        assertEquals(2, outcomes.size(), outcomes.toString());
        assertEquals(0, server.get("/api/coupons/hot-50").json().get("stock").asLong());
    }

    @Test
    void theSameKeyGetsTheFirstAnswerAndANewKeyCannotClaimTwice() {
        server.post("/api/coupons", Map.of("id", "c1", "amount", Map.of("cents", 500), "stock", 10));
        Response first = claim("c1", "ann", "key-1");
        assertEquals(201, first.status(), first.toString());
        Response again = claim("c1", "ann", "key-1");
        assertEquals(201, again.status());
        assertEquals(first.json(), again.json());
        assertEquals("true", again.header("Idempotent-Replayed"));
        Response second = claim("c1", "ann", "key-2");
        assertEquals(409, second.status());
        assertEquals("already-claimed", second.json().at("/error/code").asText());
        assertEquals(
                9,
                server.get("/api/coupons/c1").json().get("stock").asLong(),
                "one coupon taken, whatever was retried");
        // the key names one request: used for another coupon it is refused, not replayed
        server.post("/api/coupons", Map.of("id", "c2", "amount", Map.of("cents", 500), "stock", 10));
        assertEquals(422, claim("c2", "ann", "key-1").status());
        // another shopper's same key is their own
        assertEquals(201, claim("c1", "bob", "key-1").status());
    }

    @Test
    void aSoldOutAnswerIsReplayedToo() {
        server.post("/api/coupons", Map.of("id", "gone", "amount", Map.of("cents", 500), "stock", 0));
        Response first = claim("gone", "ann", "k-gone");
        assertEquals(409, first.status());
        server.put("/api/coupons/gone", Map.of("amount", Map.of("cents", 500), "stock", 5));
        assertEquals(
                first.json(), claim("gone", "ann", "k-gone").json(), "the key's first answer, though stock came since");
        assertEquals(201, claim("gone", "ann", "k-gone-2").status());
    }

    @Test
    void claimsNeedAShopperAndAKeyAndAreLimitedPerShopper() {
        server.post("/api/coupons", Map.of("id", "c3", "amount", Map.of("cents", 500), "stock", 100));
        assertEquals(
                401,
                server.post("/v1/coupons/c3/claim", null, "Idempotency-Key", "k")
                        .status());
        assertEquals(
                "no-idempotency-key",
                server.post("/v1/coupons/c3/claim", null, "X-Venuekit-User", "ann")
                        .json()
                        .at("/error/code")
                        .asText());
        assertEquals(404, claim("nope", "ann", "k-nope").status());
        int limited = 0;
        for (int i = 0; i < 40 && limited == 0; i++) {
            Response r = claim("c3", "eager", "k-" + i);
            if (r.status() == 429) {
                limited++;
                assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, r.toString());
            }
        }
        assertEquals(1, limited, "a shopper firing claims is refused before the database is asked");
        assertEquals(201, claim("c3", "someone-else", "k-0").status(), "the limit is per shopper");
    }

    @Test
    void drawsNeverExceedPrizeStockAndStopWhenPrizesRunOut() throws Exception {
        Response made = server.post(
                "/api/lotteries",
                Map.of(
                        "id",
                        "wheel",
                        "drawsPerUser",
                        1,
                        "buckets",
                        4,
                        "prizes",
                        List.of(
                                Map.of("id", "big", "name", "Big", "odds", 0.5, "stock", 5),
                                Map.of("id", "small", "name", "Small", "odds", 0.5, "stock", 3))));
        assertEquals(201, made.status(), made.toString());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String user = "player-" + i;
            answers.add(pool.submit(() -> draw("wheel", user, "d-" + user)));
        }
        Map<String, AtomicInteger> won = new ConcurrentHashMap<>();
        for (Future<Response> f : answers) {
            JsonNode body = f.get().json();
            String prize = body.at("/draw/prize/id").asText("none");
            if (body.has("error")) {
                prize = body.at("/error/code").asText();
            }
            won.computeIfAbsent(prize, p -> new AtomicInteger()).incrementAndGet();
        }
        pool.shutdown();
        assertEquals(5, won.get("big").get(), won.toString());
        assertEquals(3, won.get("small").get(), won.toString());
        JsonNode left = server.get("/api/lotteries/wheel").json();
        assertEquals(0, left.at("/prizes/0/stock").asLong());
        assertEquals(0, left.at("/prizes/1/stock").asLong());
        // once every prize is gone, drawing stops (as soon as this instance's one-second view of the stock has moved
        // on)
        long deadline = System.nanoTime() + 10_000_000_000L;
        int n = 0;
        String code;
        do {
            code = draw("wheel", "late-" + n, "late-" + n++)
                    .json()
                    .at("/error/code")
                    .asText();
        } while (!code.equals("lottery-over") && System.nanoTime() < deadline);
        assertEquals("lottery-over", code);
    }

    @Test
    void aShopperDrawsNoMoreThanTheLotteryAllows() {
        server.post(
                "/api/lotteries",
                Map.of(
                        "id",
                        "daily",
                        "drawsPerUser",
                        2,
                        "prizes",
                        List.of(Map.of("id", "p", "name", "P", "odds", 0.1, "stock", 1000))));
        assertEquals(200, draw("daily", "ann", "a1").status());
        Response second = draw("daily", "ann", "a2");
        assertEquals(0, second.json().at("/draw/drawsLeft").asInt(), second.toString());
        assertEquals(
                "no-chances-left",
                draw("daily", "ann", "a3").json().at("/error/code").asText());
        assertEquals(
                second.json(), draw("daily", "ann", "a2").json(), "a retried draw is the first draw, not a new one");
    }

    @Test
    void aDrawLandsOnEachPrizeInProportionToItsOdds() {
        List<io.venuekit.renderer.live.Lottery.Prize> prizes = List.of(
                new io.venuekit.renderer.live.Lottery.Prize("a", "A", 0.25, 1),
                new io.venuekit.renderer.live.Lottery.Prize("b", "B", 0.05, 1));
        Map<String, Integer> landed = new java.util.HashMap<>();
        int steps = 100_000;
        for (int i = 0; i < steps; i++) {
            var p = ClaimService.roll(prizes, (i + 0.5) / steps);
            landed.merge(p == null ? "none" : p.id(), 1, Integer::sum);
        }
        assertEquals(Map.of("a", 25_000, "b", 5_000, "none", 70_000), landed);
    }
}
