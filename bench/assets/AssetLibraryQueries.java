import io.venuekit.server.asset.MongoAssetRepository;
import io.venuekit.server.asset.StoredAsset;
import io.venuekit.server.db.Database;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import java.nio.file.*;
import java.util.*;

/**
 * The asset library's queries against how many assets are stored, on the embedded database: the
 * newest 50 of everyone's (operators), a page deep in by cursor, a search by file name over
 * everyone's, one owner's newest 50, and one upload's listing writes (owner's list and everyone's).
 * The stored assets are ready with a 48-variant manifest and a file name; 100 owners. Run by
 * asset-library.sh.
 */
public class AssetLibraryQueries {
    static final int OWNERS = 100;

    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("venuekit-asset-library");
        try (Database db = Database.connect(null, dir, "venuekit")) {
            var assets = db.db().getCollection("assets");
            var owners = db.db().getCollection("asset_owners");
            var listing = db.db().getCollection("asset_listing");
            // mark the listing as kept, as a server that made these assets would have
            db.db().getCollection("migrations").insertOne(new Document("_id", "asset_listing"));
            db.db().getCollection("migrations").insertOne(new Document("_id", "asset_owners"));
            MongoAssetRepository repo = new MongoAssetRepository(db.db());
            int stored = 0;
            String[] words = {"beach", "city", "forest", "shoe", "dress", "phone", "lamp", "chair"};
            for (String arg : a) {
                int n = Integer.parseInt(arg);
                List<Document> batch = new ArrayList<>();
                Map<String, List<String>> ownerIds = new HashMap<>();
                Map<String, List<Document>> ownerEntries = new HashMap<>();
                List<String> allIds = new ArrayList<>();
                List<Document> allEntries = new ArrayList<>();
                for (; stored < n; stored++) {
                    List<Document> variants = new ArrayList<>();
                    for (int v = 0; v < 48; v++) variants.add(new Document("shape", "16:9").append("width", 720).append("height", 405).append("format", "jpeg").append("bytes", 12345).append("name", UUID.randomUUID().toString()));
                    String id = String.format("%024x", stored), owner = "m" + (stored % OWNERS);
                    String name = words[stored % words.length] + "-" + stored + ".jpg";
                    batch.add(new Document("_id", id).append("status", "ready").append("heartbeatMs", 1L)
                        .append("manifest", new Document("contentHash", "h").append("crops", List.of()).append("variants", variants)
                                .append("placeholders", new Document()).append("notes", List.of()))
                        .append("owner", owner).append("owners", List.of(owner)).append("name", name).append("bytes", 123456L)
                        .append("createdAt", String.format("2026-01-01T00:00:%09dZ", stored)));
                    Document entry = new Document("id", id).append("name", name);
                    ownerIds.computeIfAbsent(owner, o -> new ArrayList<>()).add(id);
                    ownerEntries.computeIfAbsent(owner, o -> new ArrayList<>()).add(entry);
                    allIds.add(id);
                    allEntries.add(entry);
                    if (batch.size() == 500) { assets.insertMany(batch); batch.clear(); }
                }
                if (!batch.isEmpty()) assets.insertMany(batch);
                // what MongoAssetRepository.insert records beside each asset, in bulk
                ownerIds.forEach((owner, ids) -> owners.updateOne(new Document("_id", owner),
                        Updates.combine(Updates.addEachToSet("ids", ids), Updates.addEachToSet("entries", ownerEntries.get(owner))),
                        new UpdateOptions().upsert(true)));
                listing.updateOne(new Document("_id", "all"), Updates.combine(Updates.addEachToSet("ids", allIds),
                        Updates.addEachToSet("entries", allEntries)), new UpdateOptions().upsert(true));
                for (int r = 0; r < 4; r++) { // the last rounds count: the first warms up
                    long t0 = System.nanoTime();
                    var first = repo.page(null, null, null, 50);
                    long t1 = System.nanoTime();
                    String deep = String.format("%024x", n / 2);
                    var deeper = repo.page(null, null, deep, 50);
                    long t2 = System.nanoTime();
                    var found = repo.page(null, "shoe-1", null, 50);
                    long t3 = System.nanoTime();
                    var mine = repo.page("m7", null, null, 50);
                    long t4 = System.nanoTime();
                    repo.insert(StoredAsset.queued("new-" + n + "-" + r, "h", "m7", "now", 0, "lamp-new.jpg", 1000));
                    long t5 = System.nanoTime();
                    System.out.printf("%6d assets: everyone's newest 50 (%d) %.1f ms; 50 after a cursor halfway (%d) %.1f ms; "
                                    + "search \"shoe-1\" over everyone's (%d) %.1f ms; an owner's newest 50 (%d) %.1f ms; one upload's insert %.1f ms%n",
                            n, first.assets().size(), (t1 - t0) / 1e6, deeper.assets().size(), (t2 - t1) / 1e6,
                            found.assets().size(), (t3 - t2) / 1e6, mine.assets().size(), (t4 - t3) / 1e6, (t5 - t4) / 1e6);
                }
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }
}
