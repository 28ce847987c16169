package io.venuekit.renderer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Item documents are read back as written and refused with a pointer to each fault. */
class ItemsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void roundTrips() throws Exception {
        Product p = Product.fromJson(
                MAPPER.readTree("{\"id\": \"sku-1\", \"title\": \"T\", \"image\": \"a1\", \"price\": {\"cents\": 100},"
                        + " \"originalPrice\": {\"cents\": 200}, \"stock\": 3, \"labels\": [\"new\"]}"));
        assertEquals(p, Product.fromJson(p.toDocument()));
        Lottery l = Lottery.fromJson(MAPPER.readTree(
                "{\"id\": \"w\", \"prizes\": [{\"id\": \"a\", \"name\": \"A\", \"odds\": 0.1, \"stock\": 2}]}"));
        assertEquals(l, Lottery.fromJson(l.toDocument()));
        CouponPool c = CouponPool.fromJson(
                MAPPER.readTree(
                        "{\"id\": \"c\", \"amount\": {\"cents\": 500}, \"validUntil\": \"2026-11-12T00:00:00+08:00\", \"stock\": 9}"));
        assertEquals(c, CouponPool.fromJson(c.toDocument()));
    }

    @Test
    void faultsNameTheirPointers() throws Exception {
        InvalidItemException e = assertThrows(
                InvalidItemException.class,
                () -> Product.fromJson(MAPPER.readTree(
                        "{\"id\": \"sku 1\", \"price\": {\"cents\": -1}, \"stock\": 1.5, \"labels\": [\"\"]}")));
        assertEquals(
                List.of("/id", "/title", "/price/cents", "/stock", "/labels/0"),
                e.faults().stream().map(ItemFaults.Fault::pointer).toList());
        InvalidItemException odds = assertThrows(
                InvalidItemException.class,
                () -> Lottery.fromJson(
                        MAPPER.readTree(
                                "{\"id\": \"w\", \"prizes\": [{\"id\": \"a\", \"name\": \"A\", \"odds\": 0.7, \"stock\": 1}, {\"id\": \"a\", \"name\": \"B\", \"odds\": 0.6, \"stock\": 1}]}")));
        assertEquals(
                List.of("/prizes/1/id", "/prizes"),
                odds.faults().stream().map(ItemFaults.Fault::pointer).toList());
    }
}
