package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * HTTP for the operators' built-in sources, one handler per resource ({@link #products},
 * {@link #coupons}, {@link #lotteries}), each calling {@link CatalogService} off the event loop.
 */
public final class CatalogHandler {

    private final CatalogService catalog;

    public CatalogHandler(CatalogService catalog) {
        this.catalog = catalog;
    }

    public Products products() {
        return new Products();
    }

    public Coupons coupons() {
        return new Coupons();
    }

    public Lotteries lotteries() {
        return new Lotteries();
    }

    /** {@code /api/products}. */
    public final class Products {
        public void list(RoutingContext ctx) {
            int limit = Requests.intParam(ctx, "limit", 500, 1, 5000);
            answer(ctx, 200, () -> listOf("products", catalog.products(limit), p -> p.toDocument()));
        }

        public void get(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            answer(ctx, 200, () -> catalog.product(id).toDocument());
        }

        public void put(RoutingContext ctx) {
            ObjectNode body = Json.readObject(ctx);
            String id = ctx.pathParam("id");
            Requests.blocking(ctx, () -> {
                        boolean created = catalog.putProduct(id, body);
                        return java.util.Map.entry(
                                created ? 201 : 200, catalog.product(id).toDocument());
                    })
                    .onSuccess(e -> Json.send(ctx, e.getKey(), e.getValue()))
                    .onFailure(ctx::fail);
        }

        public void delete(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            Requests.blocking(ctx, () -> {
                        catalog.deleteProduct(id);
                        return id;
                    })
                    .onSuccess(done -> ctx.response().setStatusCode(204).end())
                    .onFailure(ctx::fail);
        }
    }

    /** {@code /api/coupons}. */
    public final class Coupons {
        public void list(RoutingContext ctx) {
            int limit = Requests.intParam(ctx, "limit", 500, 1, 5000);
            answer(ctx, 200, () -> listOf("coupons", catalog.coupons(limit), CatalogHandler::coupon));
        }

        public void get(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            answer(ctx, 200, () -> coupon(catalog.coupon(id)));
        }

        public void create(RoutingContext ctx) {
            ObjectNode body = Json.readObject(ctx);
            answer(ctx, 201, () -> coupon(catalog.createCoupon(body)));
        }

        public void update(RoutingContext ctx) {
            ObjectNode body = Json.readObject(ctx);
            String id = ctx.pathParam("id");
            answer(ctx, 200, () -> coupon(catalog.updateCoupon(id, body)));
        }

        public void delete(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            Requests.blocking(ctx, () -> {
                        catalog.deleteCoupon(id);
                        return id;
                    })
                    .onSuccess(done -> ctx.response().setStatusCode(204).end())
                    .onFailure(ctx::fail);
        }
    }

    /** {@code /api/lotteries}. */
    public final class Lotteries {
        public void list(RoutingContext ctx) {
            int limit = Requests.intParam(ctx, "limit", 500, 1, 5000);
            answer(ctx, 200, () -> listOf("lotteries", catalog.lotteries(limit), CatalogHandler::lottery));
        }

        public void get(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            answer(ctx, 200, () -> lottery(catalog.lottery(id)));
        }

        public void create(RoutingContext ctx) {
            ObjectNode body = Json.readObject(ctx);
            answer(ctx, 201, () -> lottery(catalog.createLottery(body)));
        }

        public void replace(RoutingContext ctx) {
            ObjectNode body = Json.readObject(ctx);
            String id = ctx.pathParam("id");
            answer(ctx, 200, () -> lottery(catalog.replaceLottery(id, body)));
        }

        public void delete(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            Requests.blocking(ctx, () -> {
                        catalog.deleteLottery(id);
                        return id;
                    })
                    .onSuccess(done -> ctx.response().setStatusCode(204).end())
                    .onFailure(ctx::fail);
        }
    }

    static ObjectNode coupon(MongoCoupons.Stored s) {
        return s.pool().toDocument().put("buckets", s.buckets());
    }

    static ObjectNode lottery(MongoLotteries.Stored s) {
        return s.lottery().toDocument().put("buckets", s.buckets());
    }

    private static <T> ObjectNode listOf(String name, List<T> items, Function<T, ObjectNode> view) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray(name);
        items.forEach(i -> list.add(view.apply(i)));
        return body;
    }

    private static void answer(RoutingContext ctx, int status, Callable<ObjectNode> work) {
        Requests.blocking(ctx, work)
                .onSuccess(body -> Json.send(ctx, status, body))
                .onFailure(ctx::fail);
    }
}
