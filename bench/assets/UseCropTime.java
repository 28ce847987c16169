import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.PipelineSettings;
import io.venuekit.assets.ProgressListener;
import io.venuekit.assets.UseCropMaker;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.detect.Detections;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * One use's own crop (UseCropMaker: decode the stored original as large as the crop needs, plan one
 * shape, resize and encode its widths in JPEG and WebP) on a synthetic W x H JPEG, on the calling
 * thread: what a render waits for when a page's image prop has a focus no one asked for before.
 * Run by use-crop.sh.
 */
public class UseCropTime {
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
        AssetManifest manifest = new AssetProcessor(image -> Detections.NONE).process(jpeg, null, ProgressListener.NONE).manifest();
        UseCropMaker maker = new UseCropMaker(new CropPlanner(), PipelineSettings.defaults(), Runnable::run);
        String[] shapes = {"9:16", "2:1", "1:1"};
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            var use = maker.make(jpeg, manifest, Focus.point(0.1 + 0.8 * i / runs, 0.82), shapes[i % shapes.length]);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            System.out.printf("%s %dx%d (%d KB) %s: %d files, %.0f ms%n", "use crop", w, h, jpeg.length / 1024,
                    shapes[i % shapes.length], use.variants().size(), ms[i]);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("median %.0f ms over %d runs (the first includes warm-up)%n", sorted[runs / 2], runs);
        System.exit(0);
    }
}
