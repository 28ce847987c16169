package io.venuekit.renderer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue service is a local fake that can answer, fail, or hang. */
class HttpProductSourceTest {

    enum Mode {
        OK,
        FAIL,
        HANG
    }

    private HttpServer server;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong now = new AtomicLong(0);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/products", exchange -> {
            requests.incrementAndGet();
            lastQuery.set(exchange.getRequestURI().getQuery());
            try {
                switch (mode.get()) {
                    case FAIL -> exchange.sendResponseHeaders(503, -1);
                    case HANG -> {
                        release.await(10, TimeUnit.SECONDS);
                        exchange.sendResponseHeaders(503, -1);
                    }
                    default -> {
                        byte[] body =
                                ("{\"products\": [{\"id\": \"sku-1\", \"title\": \"Earbuds\", \"price\": {\"cents\": 39900},"
                                                + " \"stock\": 3}, {\"id\": \"sku-2\", \"title\": \"Phone\", \"price\": {\"cents\": 399900}, \"stock\": 0}]}")
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpProductSource source(int threshold) {
        return new HttpProductSource(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/products"),
                Duration.ofMillis(1500),
                new CircuitBreaker(threshold, 30_000, now::get));
    }

    @Test
    void oneRequestPerBatch() {
        DataSource.Fetched f = source(3).fetch(Set.of("sku-1", "sku-2"));
        assertEquals(1, requests.get());
        assertTrue(lastQuery.get().startsWith("ids="), lastQuery.get());
        assertEquals(39900, ((Product) f.items().get("sku-1")).price().cents());
        assertTrue(f.items().get("sku-2").soldOut());
        assertFalse(f.stale());
    }

    @Test
    void aHangingServiceTimesOutAndTheLastGoodCopyIsServedStale() {
        HttpProductSource source = source(3);
        source.fetch(Set.of("sku-1"));
        mode.set(Mode.HANG);
        DataSource.Fetched f = source.fetch(Set.of("sku-1"));
        assertTrue(f.stale());
        assertEquals(39900, ((Product) f.items().get("sku-1")).price().cents());
        // nothing kept for sku-2: no invented price, the call fails
        assertThrows(DataSourceException.class, () -> source.fetch(Set.of("sku-2")));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndATrialClosesIt() {
        HttpProductSource source = source(2);
        source.fetch(Set.of("sku-1"));
        mode.set(Mode.FAIL);
        source.fetch(Set.of("sku-1"));
        source.fetch(Set.of("sku-1"));
        assertEquals(CircuitBreaker.State.OPEN, source.breaker().state());
        int before = requests.get();
        DataSource.Fetched whileOpen = source.fetch(Set.of("sku-1"));
        assertEquals(before, requests.get(), "an open circuit sends nothing");
        assertTrue(whileOpen.stale());

        mode.set(Mode.OK);
        now.addAndGet(30_000);
        assertEquals(CircuitBreaker.State.HALF_OPEN, source.breaker().state());
        assertFalse(source.fetch(Set.of("sku-1")).stale());
        assertEquals(CircuitBreaker.State.CLOSED, source.breaker().state());
    }

    @Test
    void aHalfOpenTrialThatFailsOpensTheCircuitAgain() {
        HttpProductSource source = source(1);
        source.fetch(Set.of("sku-1"));
        mode.set(Mode.FAIL);
        source.fetch(Set.of("sku-1"));
        now.addAndGet(30_000);
        source.fetch(Set.of("sku-1"));
        assertEquals(CircuitBreaker.State.OPEN, source.breaker().state());
    }
}
