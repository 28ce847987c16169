package io.venuekit.server.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.venuekit.renderer.live.DataSource;
import io.venuekit.renderer.live.Product;
import io.venuekit.server.db.Documents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/** The built-in product catalogue ({@code products}, {@code _id} = product id), read in batches by {@code _id}. */
public final class MongoProducts implements DataSource {

    private final MongoCollection<Document> products;

    public MongoProducts(MongoDatabase db) {
        this.products = db.getCollection("products");
    }

    @Override
    public String name() {
        return Product.SOURCE;
    }

    @Override
    public Fetched fetch(Set<String> ids) {
        Map<String, Product> found = new HashMap<>();
        for (Document d : products.find(Filters.in("_id", ids))) {
            Product p = read(d);
            found.put(p.id(), p);
        }
        return Fetched.fresh(found);
    }

    public List<Product> list(int limit) {
        List<Product> out = new ArrayList<>();
        products.find().sort(Sorts.ascending("_id")).limit(limit).forEach(d -> out.add(read(d)));
        return out;
    }

    public Optional<Product> find(String id) {
        return Optional.ofNullable(products.find(Filters.eq("_id", id)).first()).map(MongoProducts::read);
    }

    /** @return whether it was new */
    public boolean put(Product product) {
        Document doc = Documents.toDocument(product.toDocument());
        doc.remove("id");
        doc.put("_id", product.id());
        return products.replaceOne(Filters.eq("_id", product.id()), doc, new ReplaceOptions().upsert(true))
                        .getUpsertedId()
                != null;
    }

    public boolean delete(String id) {
        return products.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    public boolean isEmpty() {
        return products.find().limit(1).first() == null;
    }

    static Product read(Document d) {
        ObjectNode json = Documents.toJson(d);
        json.set("id", json.remove("_id"));
        return Product.fromJson(json);
    }
}
