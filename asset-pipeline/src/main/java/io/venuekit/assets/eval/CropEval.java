package io.venuekit.assets.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.detect.ImageAnalyzer;
import io.venuekit.assets.detect.StageTimes;
import io.venuekit.assets.saliency.SaliencyMap;
import io.venuekit.assets.saliency.SubjectCues;
import io.venuekit.assets.saliency.SubjectFinder;
import io.venuekit.assets.saliency.SubjectSearch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Runs detection and crop planning over an evaluation folder ({@code ground_truth.json} and
 * {@code images/}) and writes the predictions file the folder's {@code score.py} reads:
 * {@code {"<file>": {"1:1": [x, y, w, h], ...}}} in the image's pixels, and beside it
 * {@code <name>.detections.json} with the subject, face and text boxes found ({@code [x, y, w, h, score]}).
 * Prints face and word recall against the ground truth, the time per stage and images per second.
 *
 * <p>Unless {@code FOLDS=0}, it also writes {@code <name>.cv.json}: each image's crops with the
 * subject parameters ({@link SubjectSearch}) fitted on the other folds only ({@link GroupedFolds}),
 * which is the figure to judge a change by; the in-sample file flatters whatever was tuned here.
 *
 * <p>Usage: {@code CropEval <folder> <crops.json> [models-dir]}; {@code SHAPES=1:1,16:9} limits the shapes;
 * {@code THREADS=n} analyses n images at once (default: one per core).
 *
 * <p>With {@code SUBJECT_FROM=masks} in the environment, each image's ground-truth mask stands in
 * for the saliency map, read by {@link SubjectFinder#SEGMENTATION} as a salient-object model's map
 * would be ({@code masks-snapped}: by {@link SubjectFinder#DEFAULT}): what the planner would do with
 * a perfect model, an upper bound for the subject figures.
 */
public final class CropEval {

    /** One image with what the analyser found and what the ground truth says. */
    record Sample(
            String name,
            String source,
            int width,
            int height,
            Detections found,
            SubjectCues cues,
            Box subject,
            List<Box> faces,
            List<Box> words) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CropEval <folder with ground_truth.json and images/> <crops.json> [models-dir]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path models = Path.of(args.length > 2 ? args[2] : System.getenv().getOrDefault("MODELS_DIR", "models"));
        List<String> shapes = shapes(System.getenv("SHAPES"));
        int folds = Integer.parseInt(System.getenv().getOrDefault("FOLDS", "5"));
        ObjectMapper json = new ObjectMapper();
        JsonNode truth = json.readTree(folder.resolve("ground_truth.json").toFile());
        ImageAnalyzer analyzer = ImageAnalyzer.fromModelsDir(models);
        String subjectFrom = System.getenv().getOrDefault("SUBJECT_FROM", "saliency");
        CropPlanner planner = new CropPlanner();
        ObjectNode predictions = json.createObjectNode();
        // What the analyser found, beside the crops: tells a wrong subject estimate from a
        // poor window choice when a crop fails.
        ObjectNode found = json.createObjectNode();
        Recall faces = new Recall(), words = new Recall();
        StageTimes times = new StageTimes();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        truth.fields().forEachRemaining(entries::add);
        int threads = Integer.parseInt(System.getenv()
                .getOrDefault("THREADS", String.valueOf(Runtime.getRuntime().availableProcessors())));
        // Images are analysed on several threads, as the server runs several jobs at once; each
        // stage's CPU time is the analysing thread's, so per image it does not depend on the count.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<Analysed>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (Map.Entry<String, JsonNode> e : entries) {
            futures.add(pool.submit(() ->
                    analyse(folder, e.getKey(), e.getValue(), analyzer, planner, subjectFrom, shapes, folds, times)));
        }
        List<Sample> samples = new ArrayList<>();
        for (Future<Analysed> f : futures) {
            Analysed a;
            try {
                a = f.get();
            } catch (InterruptedException | ExecutionException ex) {
                pool.shutdownNow();
                throw new IllegalStateException("analysis failed: " + ex.getMessage(), ex);
            }
            if (a == null) continue;
            Sample s = a.sample();
            Detections d = s.found();
            faces.add(s.faces(), d.faces());
            words.add(s.words(), d.text());
            ObjectNode seen = found.putObject(s.name());
            if (d.subject() != null) put(seen.putArray("subject"), d.subject());
            ArrayNode seenFaces = seen.putArray("faces"), seenText = seen.putArray("text");
            d.faces().forEach(b -> put(seenFaces.addArray(), b));
            d.text().forEach(b -> put(seenText.addArray(), b));
            putCrops(predictions.putObject(s.name()), a.crops());
            samples.add(s);
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), predictions);
        json.writerWithDefaultPrettyPrinter()
                .writeValue(
                        out.resolveSibling(siblingName(out, ".detections.json")).toFile(), found);
        printTimes(times, samples.size(), shapes, analyzer);
        System.out.printf(
                "  throughput: %d images in %.1f s on %d threads: %.1f images/s (load average %.1f at the end)%n",
                samples.size(),
                wallSeconds,
                threads,
                samples.size() / wallSeconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.println("face recall: " + faces + "; word recall: " + words);
        if (folds > 1 && !samples.isEmpty() && samples.stream().allMatch(s -> s.cues() != null)) {
            Path cvOut = out.resolveSibling(siblingName(out, ".cv.json"));
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(
                            cvOut.toFile(),
                            new CrossValidation(planner, shapes, SearchGrid.all("1".equals(System.getenv("AGREEMENT"))))
                                    .predictions(samples, folds, json));
        } else if (folds > 1) {
            System.out.println(
                    "cross-validation: skipped (the subject does not come from the classical estimate's parameters)");
        }
    }

    /** One image's sample and crops. */
    record Analysed(Sample sample, List<Crop> crops) {}

    private static Analysed analyse(
            Path folder,
            String name,
            JsonNode gt,
            ImageAnalyzer analyzer,
            CropPlanner planner,
            String subjectFrom,
            List<String> shapes,
            int folds,
            StageTimes times)
            throws IOException {
        StageTimes.Lap decode = StageTimes.lap(times);
        BufferedImage image =
                intRgb(ImageIO.read(folder.resolve("images").resolve(name).toFile()));
        if (image == null) {
            System.err.println(name + ": not decodable, skipped");
            return null;
        }
        decode.end("decode");
        int w = image.getWidth(), h = image.getHeight();
        // The analyzer downscales large images itself; boxes come back in these pixels.
        Detections d = analyzer.detect(image, times);
        if (subjectFrom.startsWith("masks") && gt.hasNonNull("mask")) {
            SubjectFinder finder =
                    subjectFrom.equals("masks-snapped") ? SubjectFinder.DEFAULT : SubjectFinder.SEGMENTATION;
            BufferedImage mask =
                    ImageIO.read(folder.resolve(gt.get("mask").asText()).toFile());
            d = new Detections(d.faces(), d.text(), finder.find(asMap(mask), w, h), d.unavailable());
        }
        StageTimes.Lap lap = StageTimes.lap(times);
        List<Crop> crops = plan(planner, w, h, d, shapes);
        lap.end("plan");
        boolean classical = Detections.SUBJECT_BY_MAP.equals(d.subjectBy()) && subjectFrom.equals("saliency");
        Box subject = gt.hasNonNull("subject") ? box(gt.get("subject")) : null;
        Sample sample = new Sample(
                name,
                gt.path("source").asText(""),
                w,
                h,
                d,
                classical && folds > 1 ? SubjectCues.of(image) : null,
                subject,
                boxes(gt.get("faces")),
                boxes(gt.get("text")));
        return new Analysed(sample, crops);
    }

    /**
     * The server's decoder hands the analyser {@code TYPE_INT_RGB} (every later step takes that type);
     * ImageIO gives JPEGs as 3-byte BGR, which Java2D and getRGB read more slowly. A plain copy: the
     * images' alpha is opaque and their colours sRGB, so the pixels are the ones read before.
     */
    private static BufferedImage intRgb(BufferedImage decoded) {
        if (decoded == null || decoded.getType() == BufferedImage.TYPE_INT_RGB) return decoded;
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    static List<Crop> plan(CropPlanner planner, int w, int h, Detections d, List<String> shapes) {
        List<Crop> out = new ArrayList<>(shapes.size());
        for (String shape : shapes) out.add(planner.plan(w, h, d, null, shape));
        return out;
    }

    static void putCrops(ObjectNode node, List<Crop> crops) {
        for (Crop c : crops)
            node.putArray(c.aspect()).add(c.x()).add(c.y()).add(c.width()).add(c.height());
    }

    private static List<String> shapes(String listOrNull) {
        if (listOrNull == null || listOrNull.isBlank()) return CropPlanner.SHAPES;
        return Arrays.stream(listOrNull.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static void printTimes(StageTimes times, int images, List<String> shapes, ImageAnalyzer analyzer) {
        System.out.printf(
                "analysed %d images, %d shapes; unavailable: %s%n", images, shapes.size(), analyzer.unavailable());
        printTimes("wall", times.wallMillis(), images);
        printTimes("cpu ", times.cpuMillis(), images);
    }

    private static void printTimes(String clock, Map<String, Double> ms, int images) {
        double total = ms.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder line = new StringBuilder();
        ms.forEach((stage, t) -> line.append(String.format(" %s %.1f", stage, t / Math.max(1, images))));
        System.out.printf(
                "  %s: %.1f ms per image (%s ), %.1f images/s on one core%n",
                clock, total / Math.max(1, images), line, images * 1000 / Math.max(1e-9, total));
    }

    /** A mask image as a map: its grey level, 0 to 1. */
    private static SaliencyMap asMap(BufferedImage mask) {
        int w = mask.getWidth(), h = mask.getHeight();
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = mask.getRGB(x, y);
                v[y * w + x] = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / (3 * 255f);
            }
        }
        return new SaliencyMap(w, h, v);
    }

    /** "crops.json" and ".cv.json" give "crops.cv.json". */
    static String siblingName(Path out, String suffix) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + suffix;
    }

    private static void put(ArrayNode a, Box b) {
        a.add(Math.round(b.x()))
                .add(Math.round(b.y()))
                .add(Math.round(b.w()))
                .add(Math.round(b.h()))
                .add(Math.round(b.score() * 1000) / 1000.0);
    }

    private static Box box(JsonNode b) {
        return Box.of(
                b.get(0).asDouble(),
                b.get(1).asDouble(),
                b.get(2).asDouble(),
                b.get(3).asDouble());
    }

    private static List<Box> boxes(JsonNode list) {
        if (list == null) return List.of();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(CropEval::box)
                .toList();
    }

    /** Ground-truth boxes covered at least half by a detection, and detections matching nothing. */
    private static final class Recall {
        int found, total, extra;

        void add(List<Box> truth, List<Box> detected) {
            boolean[] used = new boolean[detected.size()];
            for (Box t : truth) {
                total++;
                for (int i = 0; i < detected.size(); i++) {
                    if (detected.get(i).intersectionArea(t)
                            >= 0.5 * Math.min(t.area(), detected.get(i).area())) {
                        found++;
                        used[i] = true;
                        break;
                    }
                }
            }
            for (int i = 0; i < detected.size(); i++) {
                if (!used[i] && truth.stream().noneMatch(detected.get(i)::intersects)) extra++;
            }
        }

        @Override
        public String toString() {
            return found + "/" + total + " (" + (total == 0 ? 0 : Math.round(100.0 * found / total)) + "%), " + extra
                    + " unmatched detections";
        }
    }
}
