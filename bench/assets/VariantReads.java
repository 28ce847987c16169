import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.venuekit.server.asset.GridFsAssetFiles;
import io.venuekit.server.db.Database;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Reading one variant file, and deleting one (what the job sweeper does with variants a new focus
 * retired), against how many assets are stored, on the embedded database: the server's
 * GridFsAssetFiles and the driver's own GridFS download and delete, side by side. Each asset gets
 * 48 files of 20 kB, as a job writes them. Run by variant-reads.sh.
 */
public class VariantReads {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("venuekit-variant-reads");
        try (Database db = Database.connect(null, dir, "venuekit")) {
            GridFsAssetFiles files = new GridFsAssetFiles(db.db());
            var bucket = GridFSBuckets.create(db.db(), "asset_files");
            byte[] bytes = new byte[20_000];
            new Random(1).nextBytes(bytes);
            int stored = 0;
            for (String arg : args) {
                int assets = Integer.parseInt(arg);
                for (; stored < assets; stored++) {
                    Map<String, byte[]> variants = new LinkedHashMap<>();
                    for (int v = 0; v < 48; v++) variants.put("v" + v + ".jpg", bytes);
                    files.putVariants("asset" + stored, variants);
                }
                double ours = 0, driver = 0;
                for (int round = 0; round < 2; round++) { // the last round counts: the first warms up
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 50; i++) files.variant("asset" + (i * 7919 % assets), "v" + (i % 46) + ".jpg").orElseThrow();
                    long t1 = System.nanoTime();
                    // fewer: at 500 assets each takes over a second
                    for (int i = 0; i < 5; i++) {
                        bucket.downloadToStream("asset" + (i * 7919 % assets) + "/v" + (i % 46) + ".jpg", new ByteArrayOutputStream());
                    }
                    long t2 = System.nanoTime();
                    ours = (t1 - t0) / 50e6;
                    driver = (t2 - t1) / 5e6;
                }
                // v47 and v46 are never read above: each delete takes another asset's
                long d0 = System.nanoTime();
                for (int i = 1; i <= 5; i++) files.deleteVariant("asset" + (assets - i), "v47.jpg");
                long d1 = System.nanoTime();
                for (int i = 1; i <= 2; i++) bucket.delete(bucket.find(Filters.eq("filename", "asset" + (assets - i) + "/v46.jpg")).first().getId());
                long d2 = System.nanoTime();
                System.out.printf("%5d assets (%6d files): GridFsAssetFiles %.2f ms per read, %.2f ms per delete; driver %.2f ms per download, %.2f ms per delete%n",
                        assets, assets * 48, ours, (d1 - d0) / 5e6, driver, (d2 - d1) / 2e6);
            }
        }
        System.exit(0);
    }
}
