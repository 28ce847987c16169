package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product source of a real catalogue service: one {@code GET <base>?ids=a,b,c} per batch,
 * answered {@code {"products": [{"id", "title", "price", ...}]}} (the {@link Product} document).
 * Every call has a timeout; a {@link CircuitBreaker} stops calling a service that keeps failing;
 * the last good copy of each product is kept, and a failed or refused call is answered from it,
 * marked stale, as long as it holds every product asked (a missing one fails the call instead,
 * since showing no price is better than inventing one). Thread-safe.
 */
public final class HttpProductSource implements DataSource {

    /** Enough for every product of every live venue; past it the copies are dropped and refilled. */
    private static final int MAX_KEPT = 100_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final Map<String, Product> lastGood = new ConcurrentHashMap<>();

    public HttpProductSource(URI base, Duration timeout, CircuitBreaker breaker) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.timeout = timeout;
        this.breaker = breaker;
    }

    @Override
    public String name() {
        return Product.SOURCE;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public Fetched fetch(Set<String> ids) {
        if (ids.isEmpty()) {
            return Fetched.fresh(Map.of());
        }
        if (!breaker.allow()) {
            return fallback(ids, new DataSourceException("the catalogue's circuit is open after repeated failures"));
        }
        try {
            Map<String, Product> found = call(ids);
            breaker.success();
            if (lastGood.size() + found.size() > MAX_KEPT) {
                lastGood.clear();
            }
            lastGood.putAll(found);
            return Fetched.fresh(found);
        } catch (DataSourceException e) {
            breaker.failure();
            return fallback(ids, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.failure();
            return fallback(ids, new DataSourceException("interrupted", e));
        }
    }

    private Map<String, Product> call(Set<String> ids) throws InterruptedException {
        String query = "ids=" + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8);
        URI uri = URI.create(base + (base.getRawQuery() == null ? "?" : "&") + query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new DataSourceException("the catalogue did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new DataSourceException("the catalogue could not be reached: " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new DataSourceException("the catalogue answered " + response.statusCode());
        }
        Map<String, Product> found = new LinkedHashMap<>();
        try {
            JsonNode list = MAPPER.readTree(response.body()).path("products");
            if (!list.isArray()) {
                throw new DataSourceException("the catalogue's answer has no products list");
            }
            for (JsonNode p : list) {
                Product product = Product.fromJson(p);
                if (ids.contains(product.id())) {
                    found.put(product.id(), product);
                }
            }
        } catch (IOException | InvalidItemException e) {
            throw new DataSourceException("the catalogue's answer is not valid: " + e.getMessage(), e);
        }
        return found;
    }

    private Fetched fallback(Set<String> ids, DataSourceException cause) {
        Map<String, Product> kept = new HashMap<>();
        for (String id : ids) {
            Product p = lastGood.get(id);
            if (p == null) {
                throw cause;
            }
            kept.put(id, p);
        }
        return new Fetched(kept, true);
    }
}
