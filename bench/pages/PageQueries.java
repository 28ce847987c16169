import io.venuekit.server.page.MongoPageRepository;
import io.venuekit.server.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.*;
import java.nio.file.*;
import java.util.*;

/**
 * Reading a page, reading one of its published snapshots, saving it and listing its version history, against how many pages and
 * snapshots are stored, on the embedded database: pages of 300 product cards, each published
 * {@code versions} times. Run by page-queries.sh.
 */
public class PageQueries {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("venuekit-page-queries");
        ObjectMapper m = new ObjectMapper();
        try (Database db = Database.connect(null, dir, "venuekit")) {
            MongoPageRepository repo = new MongoPageRepository(db.db());
            int pages = Integer.parseInt(a[0]), versions = Integer.parseInt(a[1]);
            for (int p = 0; p < pages; p++) {
                ObjectNode page = m.createObjectNode();
                page.put("id", "p" + p).put("slug", "slug-" + p).put("version", 1).put("deleted", false).put("updatedAt", "t");
                ArrayNode comps = page.putArray("components");
                for (int c = 0; c < 300; c++) comps.addObject().put("type", "product-card").put("id", "c" + c).putObject("props").put("title", "Product number " + c + " with a long enough title to weigh something").put("price", 1999);
                repo.insert(page);
                for (int v = 1; v <= versions; v++) {
                    ObjectNode snap = page.deepCopy();
                    snap.put("pageId", "p" + p).put("number", v).put("publishedAt", "t" + v);
                    repo.insertSnapshot(snap);
                }
            }
            for (int r = 0; r < 3; r++) { // the last rounds count: the first warms up
                String id = "p" + (pages / 2 + r);
                long t0 = System.nanoTime();
                repo.find(id);
                long t1 = System.nanoTime();
                repo.snapshot(id, 1);
                long t2 = System.nanoTime();
                ObjectNode page = repo.find(id).orElseThrow();
                long t3 = System.nanoTime();
                repo.replace(id, page.path("version").asLong(), page);
                long t4 = System.nanoTime();
                int listed = repo.snapshots(id).size();
                long t5 = System.nanoTime();
                System.out.printf("%d pages x %d versions: find %.1f ms, snapshot %.1f ms, replace %.1f ms, version history (%d) %.1f ms%n",
                        pages, versions, (t1-t0)/1e6, (t2-t1)/1e6, (t4-t3)/1e6, listed, (t5-t4)/1e6);
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }
}
