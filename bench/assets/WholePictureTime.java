import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.ProcessedAsset;
import io.venuekit.assets.ProgressListener;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.detect.Detections;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * What the whole-picture files ("original": upright, 1200 px on the long side, JPEG and WebP) add to
 * processing a synthetic W x H JPEG: a replan that keeps them (the manifest lists them) against one
 * that makes them again (a manifest from before them), everything on the calling thread, so the
 * difference is their CPU time. Their sizes too. Run by whole-picture.sh.
 */
public class WholePictureTime {
    public static void main(String[] a) throws Exception {
        int w = Integer.parseInt(a[0]), h = Integer.parseInt(a[1]), runs = Integer.parseInt(a[2]);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int g = (x * 255 / w + r.nextInt(24)) & 0xFF, b = (y * 255 / h + r.nextInt(24)) & 0xFF;
            img.setRGB(x, y, new Color(200 - g * 100 / 255, g, b).getRGB());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        AssetProcessor processor = new AssetProcessor(image -> Detections.NONE);
        ProcessedAsset first = processor.process(jpeg, null, ProgressListener.NONE);
        AssetManifest with = first.manifest();
        AssetManifest without = new AssetManifest(with.contentHash(), with.source(), with.detections(), with.focus(), with.crops(),
                with.variants().stream().filter(v -> !v.shape().equals(AssetManifest.ORIGINAL)).toList(), with.placeholders(), with.notes());
        with.original().forEach(v -> System.out.printf("original %s: %d x %d, %d KB%n", v.format().id(), v.width(), v.height(), v.bytes() / 1024));
        double[] keep = new double[runs], make = new double[runs];
        for (int i = 0; i < runs; i++) {
            // the same focus each time: every crop is made again, so only the whole picture differs
            Focus focus = Focus.point(0.2, 0.3);
            long t0 = System.nanoTime();
            processor.replan(jpeg, with, focus, ProgressListener.NONE);
            long t1 = System.nanoTime();
            processor.replan(jpeg, without, focus, ProgressListener.NONE);
            long t2 = System.nanoTime();
            keep[i] = (t1 - t0) / 1e6;
            make[i] = (t2 - t1) / 1e6;
            System.out.printf("replan %dx%d: whole picture kept %.0f ms, made %.0f ms%n", w, h, keep[i], make[i]);
        }
        Arrays.sort(keep);
        Arrays.sort(make);
        System.out.printf("median: kept %.0f ms, made %.0f ms: the whole picture adds %.0f ms (%d runs, the first includes warm-up)%n",
                keep[runs / 2], make[runs / 2], make[runs / 2] - keep[runs / 2], runs);
        System.exit(0);
    }
}
