package io.venuekit.renderer.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory sources that count their calls. */
final class FakeSources {

    private FakeSources() {}

    static final class Products implements DataSource {
        final Map<String, Product> items = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failWith;

        Products add(String id, long cents, long stock) {
            items.put(
                    id,
                    new Product(
                            id, "Product " + id, null, Money.cents(cents), Money.cents(cents * 2), stock, List.of()));
            return this;
        }

        @Override
        public String name() {
            return Product.SOURCE;
        }

        @Override
        public Fetched fetch(Set<String> ids) {
            calls.incrementAndGet();
            if (failWith != null) {
                throw failWith;
            }
            Map<String, Product> found = new HashMap<>();
            for (String id : ids) {
                Product p = items.get(id);
                if (p != null) {
                    found.put(id, p);
                }
            }
            return Fetched.fresh(found);
        }
    }

    static final class Coupons implements DataSource {
        final Map<String, CouponPool> items = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return CouponPool.SOURCE;
        }

        @Override
        public Fetched fetch(Set<String> ids) {
            calls.incrementAndGet();
            Map<String, CouponPool> found = new HashMap<>();
            ids.forEach(id -> {
                if (items.containsKey(id)) {
                    found.put(id, items.get(id));
                }
            });
            return Fetched.fresh(found);
        }
    }
}
