package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A lottery (source {@code lottery}): prizes, each with the chance one draw wins it and how many are left.
 * The chances add up to at most 1; the rest is the chance of winning nothing.
 *
 * @param drawsPerUser how many times one shopper may draw
 */
public record Lottery(String id, String title, List<Prize> prizes, int drawsPerUser) implements DataItem {

    public static final String SOURCE = "lottery";
    static final int MAX_PRIZES = 20;

    /** @param odds the chance that one draw wins this prize, 0 to 1 */
    public record Prize(String id, String name, double odds, long stock) {}

    public Lottery {
        prizes = List.copyOf(prizes);
    }

    /** Every prize gone: drawing stops. */
    @Override
    public boolean soldOut() {
        return prizes.stream().allMatch(p -> p.stock() <= 0);
    }

    public Lottery withStocks(java.util.Map<String, Long> left) {
        List<Prize> updated = new ArrayList<>();
        for (Prize p : prizes) {
            updated.add(new Prize(p.id(), p.name(), p.odds(), left.getOrDefault(p.id(), p.stock())));
        }
        return new Lottery(id, title, updated, drawsPerUser);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (title != null) {
            n.put("title", title);
        }
        ArrayNode list = n.putArray("prizes");
        for (Prize p : prizes) {
            list.addObject()
                    .put("id", p.id())
                    .put("name", p.name())
                    .put("odds", p.odds())
                    .put("stock", p.stock())
                    .put("soldOut", p.stock() <= 0);
        }
        n.put("drawsPerUser", drawsPerUser);
        n.put("soldOut", soldOut());
        return n;
    }

    public ObjectNode toDocument() {
        ObjectNode n = toJson();
        n.remove("soldOut");
        for (JsonNode p : n.path("prizes")) {
            ((ObjectNode) p).remove("soldOut");
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("id", id);
        doc.setAll(n);
        return doc;
    }

    /** Reads {@code {"id", "title"?, "drawsPerUser"?, "prizes": [{"id", "name", "odds", "stock"}]}}. */
    public static Lottery fromJson(JsonNode doc) {
        ItemFaults faults = new ItemFaults();
        if (doc == null || !doc.isObject()) {
            faults.add("", "type", "must be an object");
            faults.throwIfAny("The lottery");
        }
        String id = Read.id(doc, faults);
        String title = Read.text(doc, "title", 40, false, faults);
        long draws = doc.has("drawsPerUser") ? Read.count(doc, "drawsPerUser", 1000, true, faults) : 3;
        if (draws == 0 && doc.has("drawsPerUser")) {
            faults.add("/drawsPerUser", "range", "must be 1 or more");
        }
        JsonNode list = doc.get("prizes");
        List<Prize> prizes = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_PRIZES) {
            faults.add(
                    "/prizes", list == null ? "required" : "type", "must be a list of 1 to " + MAX_PRIZES + " prizes");
        } else {
            double total = 0;
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                String at = "/prizes/" + i;
                if (!p.isObject()) {
                    faults.add(at, "type", "must be an object {\"id\", \"name\", \"odds\", \"stock\"}");
                    continue;
                }
                ItemFaults own = new ItemFaults();
                String pid = Read.id(p, own);
                String name = Read.text(p, "name", 40, true, own);
                long stock = Read.count(p, "stock", CouponPool.MAX_STOCK, true, own);
                JsonNode odds = p.get("odds");
                if (odds == null || !odds.isNumber() || odds.asDouble() < 0 || odds.asDouble() > 1) {
                    own.add("/odds", "range", "must be a chance from 0 to 1");
                }
                own.list().forEach(f -> faults.add(at + f.pointer(), f.code(), f.message()));
                if (pid != null && !ids.add(pid)) {
                    faults.add(at + "/id", "duplicate", "is already the id of another prize");
                }
                if (own.isEmpty()) {
                    total += odds.asDouble();
                    prizes.add(new Prize(pid, name, odds.asDouble(), stock));
                }
            }
            if (total > 1 + 1e-9) {
                faults.add("/prizes", "odds", "the chances add up to " + total + ", more than 1");
            }
        }
        faults.throwIfAny("The lottery");
        return new Lottery(id, title, prizes, (int) draws);
    }
}
