import io.venuekit.server.asset.MongoAssetRepository;
import io.venuekit.server.asset.StoredAsset;
import io.venuekit.server.db.Database;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import java.nio.file.*;
import java.util.*;

/**
 * The asset repository's queries against how many assets are stored, on the embedded database:
 * the job sweep's three (stale jobs, queued jobs, aged variant files), which read every asset there,
 * and a job's own writes (claim, progress), each conditional on the asset's state. The assets have a
 * 48-variant manifest and are ready, so the sweep finds nothing. Also listing one owner's newest assets
 * (100 owners), the repository's way and by a filter on {@code owners}. Run by asset-queries.sh.
 */
public class AssetQueries {
    static final int OWNERS = 100;

    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("venuekit-asset-queries");
        try (Database db = Database.connect(null, dir, "venuekit")) {
            MongoAssetRepository repo = new MongoAssetRepository(db.db());
            var assets = db.db().getCollection("assets");
            var owners = db.db().getCollection("asset_owners");
            int stored = 0;
            for (String arg : a) {
                int n = Integer.parseInt(arg);
                List<Document> batch = new ArrayList<>();
                for (; stored < n; stored++) {
                    List<Document> variants = new ArrayList<>();
                    for (int v = 0; v < 48; v++) variants.add(new Document("shape", "16:9").append("width", 720).append("height", 405).append("format", "jpeg").append("bytes", 12345).append("name", UUID.randomUUID().toString()));
                    String id = String.format("%024x", stored), owner = "m" + (stored % OWNERS);
                    batch.add(new Document("_id", id).append("status", "ready").append("heartbeatMs", 1L)
                        .append("manifest", new Document("contentHash", "h").append("crops", List.of()).append("variants", variants)
                                .append("placeholders", new Document()).append("notes", List.of()))
                        .append("owner", owner).append("owners", List.of(owner)).append("createdAt", String.format("2026-01-01T00:00:%09dZ", stored)));
                    // what MongoAssetRepository.insert records beside each asset
                    owners.updateOne(new Document("_id", owner), Updates.addToSet("ids", id), new UpdateOptions().upsert(true));
                    if (batch.size() == 500) { assets.insertMany(batch); batch.clear(); }
                }
                if (!batch.isEmpty()) assets.insertMany(batch);
                for (int r = 0; r < 3; r++) {
                    long l0 = System.nanoTime();
                    int listed = repo.list("m7", 50).size();
                    long l1 = System.nanoTime();
                    int scanned = 0;
                    for (Document d : assets.find(new Document("owners", "m7")).sort(new Document("createdAt", -1)).limit(50)) scanned++;
                    long l2 = System.nanoTime();
                    System.out.printf("%6d assets, %d owners: list an owner's newest 50 (%d) %.1f ms; the same by a filter on owners (%d) %.1f ms%n",
                            n, OWNERS, listed, (l1 - l0) / 1e6, scanned, (l2 - l1) / 1e6);
                }
                for (int r = 0; r < 3; r++) { // the last rounds count: the first warms up
                    long t0 = System.nanoTime();
                    repo.releaseStale(0, "now");
                    long t1 = System.nanoTime();
                    repo.queued(2);
                    long t2 = System.nanoTime();
                    repo.withRetiredBefore(0, 100);
                    long t3 = System.nanoTime();
                    String id = "job-" + n + "-" + r;
                    repo.insert(StoredAsset.queued(id, "hash", "m", "now", 0));
                    long t4 = System.nanoTime();
                    repo.claim(id, "token", 1);
                    long t5 = System.nanoTime();
                    repo.progress(id, "token", 0.5, "encoding", 2);
                    long t6 = System.nanoTime();
                    System.out.printf("%6d assets: sweep: releaseStale %.1f ms, queued %.1f ms, withRetiredBefore %.1f ms; job: claim %.1f ms, progress %.1f ms%n",
                            n, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6);
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
