import io.venuekit.server.asset.MongoAssetRepository;
import io.venuekit.server.db.Database;
import org.bson.Document;
import java.nio.file.*;
import java.util.*;

/**
 * The asset job sweep's three queries (stale jobs, queued jobs, aged variant files) against how many
 * assets are stored, on the embedded database, which reads every asset for each: assets with a
 * 48-variant manifest, all ready, so every query finds nothing. Run by sweep-queries.sh.
 */
public class SweepQueries {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("venuekit-sweep-queries");
        try (Database db = Database.connect(null, dir, "venuekit")) {
            MongoAssetRepository repo = new MongoAssetRepository(db.db());
            var assets = db.db().getCollection("assets");
            int stored = 0;
            for (String arg : a) {
                int n = Integer.parseInt(arg);
                List<Document> batch = new ArrayList<>();
                for (; stored < n; stored++) {
                    List<Document> variants = new ArrayList<>();
                    for (int v = 0; v < 48; v++) variants.add(new Document("shape", "16:9").append("width", 720).append("height", 405).append("format", "jpeg").append("bytes", 12345).append("name", UUID.randomUUID().toString()));
                    batch.add(new Document("_id", String.format("%024x", stored)).append("status", "ready").append("heartbeatMs", 1L)
                        .append("manifest", new Document("variants", variants)).append("owners", List.of("m")));
                    if (batch.size() == 500) { assets.insertMany(batch); batch.clear(); }
                }
                if (!batch.isEmpty()) assets.insertMany(batch);
                for (int r = 0; r < 3; r++) { // the last rounds count: the first warms up
                    long t0 = System.nanoTime();
                    repo.releaseStale(0, "now");
                    long t1 = System.nanoTime();
                    repo.queued(2);
                    long t2 = System.nanoTime();
                    repo.withRetiredBefore(0, 100);
                    long t3 = System.nanoTime();
                    System.out.printf("%6d assets: releaseStale %.1f ms, queued %.1f ms, withRetiredBefore %.1f ms%n", n, (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6);
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
