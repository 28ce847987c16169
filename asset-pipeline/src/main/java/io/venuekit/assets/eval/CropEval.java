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
import io.venuekit.assets.saliency.SaliencyMap;
import io.venuekit.assets.saliency.SubjectFinder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs detection and crop planning over an evaluation folder ({@code ground_truth.json} and
 * {@code images/}) and writes the predictions file the folder's {@code score.py} reads:
 * {@code {"<file>": {"1:1": [x, y, w, h], ...}}} in the image's pixels, and beside it
 * {@code <name>.detections.json} with the subject, face and text boxes found ({@code [x, y, w, h, score]}). Also prints face
 * and word recall of the detectors against the ground truth.
 *
 * <p>Usage: {@code CropEval <folder> <crops.json> [models-dir]}
 *
 * <p>With {@code SUBJECT_FROM=masks} in the environment, each image's ground-truth mask stands in
 * for the saliency map, read by {@link SubjectFinder#SEGMENTATION} as a salient-object model's map
 * would be ({@code masks-snapped}: by {@link SubjectFinder#DEFAULT}): what the planner would do with
 * a perfect model, an upper bound for the subject figures.
 */
public final class CropEval {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CropEval <folder with ground_truth.json and images/> <crops.json> [models-dir]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path models = Path.of(args.length > 2 ? args[2] : System.getenv().getOrDefault("MODELS_DIR", "models"));
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
        long analysisNanos = 0;
        int images = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            BufferedImage image = ImageIO.read(folder.resolve("images").resolve(e.getKey()).toFile());
            if (image == null) {
                System.err.println(e.getKey() + ": not decodable, skipped");
                continue;
            }
            int w = image.getWidth(), h = image.getHeight();
            long t0 = System.nanoTime();
            // The analyzer downscales large images itself; boxes come back in these pixels.
            Detections d = analyzer.detect(image);
            analysisNanos += System.nanoTime() - t0;
            if (subjectFrom.startsWith("masks") && e.getValue().hasNonNull("mask")) {
                SubjectFinder finder = subjectFrom.equals("masks-snapped") ? SubjectFinder.DEFAULT : SubjectFinder.SEGMENTATION;
                BufferedImage mask = ImageIO.read(folder.resolve(e.getValue().get("mask").asText()).toFile());
                d = new Detections(d.faces(), d.text(), finder.find(asMap(mask), w, h), d.unavailable());
            }
            images++;
            faces.add(boxes(e.getValue().get("faces")), d.faces());
            words.add(boxes(e.getValue().get("text")), d.text());
            ObjectNode seen = found.putObject(e.getKey());
            if (d.subject() != null) put(seen.putArray("subject"), d.subject());
            ArrayNode seenFaces = seen.putArray("faces"), seenText = seen.putArray("text");
            d.faces().forEach(b -> put(seenFaces.addArray(), b));
            d.text().forEach(b -> put(seenText.addArray(), b));
            ObjectNode shapes = predictions.putObject(e.getKey());
            for (String shape : CropPlanner.SHAPES) {
                Crop c = planner.plan(w, h, d, null, shape);
                ArrayNode a = shapes.putArray(shape);
                a.add(c.x()).add(c.y()).add(c.width()).add(c.height());
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), predictions);
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolveSibling(detectionsName(out)).toFile(), found);
        System.out.printf("analysed %d images, %.0f ms per image on average; unavailable: %s%n",
                images, analysisNanos / 1e6 / Math.max(1, images), analyzer.unavailable());
        System.out.println("face recall: " + faces + "; word recall: " + words);
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

    /** "crops.json" gives "crops.detections.json". */
    private static String detectionsName(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".detections.json";
    }

    private static void put(ArrayNode a, Box b) {
        a.add(Math.round(b.x())).add(Math.round(b.y())).add(Math.round(b.w())).add(Math.round(b.h()))
                .add(Math.round(b.score() * 1000) / 1000.0);
    }

    private static List<Box> boxes(JsonNode list) {
        if (list == null) return List.of();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(b -> Box.of(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble()))
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
                    if (detected.get(i).intersectionArea(t) >= 0.5 * Math.min(t.area(), detected.get(i).area())) {
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
            return found + "/" + total + " (" + (total == 0 ? 0 : Math.round(100.0 * found / total)) + "%), " + extra + " unmatched detections";
        }
    }
}
