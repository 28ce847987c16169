package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A coupon pool (source {@code coupon-pool}): what each coupon is worth and how many are left.
 *
 * @param threshold the least an order must come to, or null for none
 * @param validFrom when claims open, or null; {@code validUntil} when the coupon stops, or null
 * @param stock     coupons left to claim (the sum of the pool's stock buckets)
 */
public record CouponPool(
        String id, String title, Money amount, Money threshold, Instant validFrom, Instant validUntil, long stock)
        implements DataItem {

    public static final String SOURCE = "coupon-pool";
    static final long MAX_STOCK = 100_000_000L;

    @Override
    public boolean soldOut() {
        return stock <= 0;
    }

    public boolean open(Instant now) {
        return (validFrom == null || !now.isBefore(validFrom)) && (validUntil == null || now.isBefore(validUntil));
    }

    public CouponPool withStock(long left) {
        return new CouponPool(id, title, amount, threshold, validFrom, validUntil, left);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (title != null) {
            n.put("title", title);
        }
        n.set("amount", amount.toJson());
        if (threshold != null) {
            n.set("threshold", threshold.toJson());
        }
        if (validFrom != null) {
            n.put("validFrom", validFrom.toString());
        }
        if (validUntil != null) {
            n.put("validUntil", validUntil.toString());
        }
        n.put("stock", stock);
        n.put("soldOut", soldOut());
        return n;
    }

    public ObjectNode toDocument() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("id", id);
        n.setAll(toJson());
        n.remove("soldOut");
        return n;
    }

    /** Reads {@code {"id", "title"?, "amount", "threshold"?, "validFrom"?, "validUntil"?, "stock"}}. */
    public static CouponPool fromJson(JsonNode doc) {
        ItemFaults faults = new ItemFaults();
        if (doc == null || !doc.isObject()) {
            faults.add("", "type", "must be an object");
            faults.throwIfAny("The coupon pool");
        }
        String id = Read.id(doc, faults);
        String title = Read.text(doc, "title", 40, false, faults);
        Money amount = Money.read(doc.get("amount"), "/amount", faults, true);
        Money threshold = Money.read(doc.get("threshold"), "/threshold", faults, false);
        Instant from = Read.instant(doc, "validFrom", faults);
        Instant until = Read.instant(doc, "validUntil", faults);
        long stock = Read.count(doc, "stock", MAX_STOCK, true, faults);
        if (from != null && until != null && !from.isBefore(until)) {
            faults.add("/validUntil", "order", "must be after validFrom");
        }
        if (amount != null && amount.cents() == 0) {
            faults.add("/amount/cents", "range", "must be more than 0");
        }
        faults.throwIfAny("The coupon pool");
        return new CouponPool(id, title, amount, threshold, from, until, stock);
    }
}
