package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A catalogue product (source {@code product}).
 *
 * @param image         the asset id of its main picture, or null
 * @param price         what it sells for now (the campaign price during a campaign)
 * @param originalPrice the price struck through beside it, or null
 * @param stock         units left
 */
public record Product(
        String id, String title, String image, Money price, Money originalPrice, long stock, List<String> labels)
        implements DataItem {

    public static final String SOURCE = "product";
    static final long MAX_STOCK = 1_000_000_000L;

    public Product {
        labels = List.copyOf(labels);
    }

    @Override
    public boolean soldOut() {
        return stock <= 0;
    }

    public Product withPrice(Money newPrice) {
        return new Product(id, title, image, newPrice, originalPrice, stock, labels);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("title", title);
        if (image != null) {
            n.putObject("image").put("asset", image);
        }
        n.set("price", price.toJson());
        if (originalPrice != null) {
            n.set("originalPrice", originalPrice.toJson());
        }
        n.put("stock", stock);
        n.put("soldOut", soldOut());
        labels.forEach(n.putArray("labels")::add);
        return n;
    }

    /** The stored or edited form: {@link #toJson()} with its {@code id}. */
    public ObjectNode toDocument() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("id", id);
        n.setAll(toJson());
        n.remove("soldOut");
        if (image != null) {
            n.put("image", image);
        }
        return n;
    }

    /** Reads {@code {"id", "title", "image"?: asset id, "price", "originalPrice"?, "stock", "labels"?}}. */
    public static Product fromJson(JsonNode doc) {
        ItemFaults faults = new ItemFaults();
        if (doc == null || !doc.isObject()) {
            faults.add("", "type", "must be an object");
            faults.throwIfAny("The product");
        }
        String id = Read.id(doc, faults);
        String title = Read.text(doc, "title", 80, true, faults);
        JsonNode imageNode = doc.get("image");
        String image = null;
        if (imageNode != null && !imageNode.isNull()) {
            // the stored form is the id; the live form {"asset": id} is read back too
            String asset = imageNode.isObject()
                    ? imageNode.path("asset").asText(null)
                    : imageNode.isTextual() ? imageNode.asText() : null;
            if (!ItemFaults.validId(asset)) {
                faults.add("/image", "type", "must be an asset id");
            }
            image = asset;
        }
        Money price = Money.read(doc.get("price"), "/price", faults, true);
        Money original = Money.read(doc.get("originalPrice"), "/originalPrice", faults, false);
        long stock = Read.count(doc, "stock", MAX_STOCK, true, faults);
        List<String> labels = Read.labels(doc, faults);
        if (price != null && original != null && !price.currency().equals(original.currency())) {
            faults.add("/originalPrice/currency", "mismatch", "must be the price's currency, " + price.currency());
        }
        faults.throwIfAny("The product");
        return new Product(id, title, image, price, original, stock, labels);
    }
}
