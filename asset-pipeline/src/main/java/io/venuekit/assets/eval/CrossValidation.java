package io.venuekit.assets.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.saliency.SubjectSearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouped k-fold cross-validation of the subject parameters: for each fold, the parameter set
 * that scores best ({@link CropScore#objective}) on the other folds plans that fold's crops. The
 * crops so made were never seen by the fit that chose them, as held-out photos are not.
 */
final class CrossValidation {

    private final CropPlanner planner;
    private final List<String> shapes;
    private final List<SubjectSearch> grid;

    CrossValidation(CropPlanner planner, List<String> shapes, List<SubjectSearch> grid) {
        this.planner = planner;
        this.shapes = shapes;
        this.grid = grid;
    }

    ObjectNode predictions(List<CropEval.Sample> samples, int k, ObjectMapper json) {
        int n = samples.size();
        int[] fold = GroupedFolds.assign(
                samples.stream().map(CropEval.Sample::name).toList(),
                samples.stream().map(CropEval.Sample::source).toList(),
                k);
        List<List<List<Crop>>> crops = new ArrayList<>(); // [sample][grid]
        CropScore[][] scores = new CropScore[n][grid.size()];
        for (int i = 0; i < n; i++) {
            CropEval.Sample s = samples.get(i);
            Map<String, List<Crop>> bySubject = new HashMap<>(); // many parameter sets find the same box
            // The tests for doubt only filter an estimate: one estimate serves every value of theirs.
            Map<String, SubjectSearch.Estimate> estimates = new HashMap<>();
            List<List<Crop>> perGrid = new ArrayList<>(grid.size());
            for (int g = 0; g < grid.size(); g++) {
                SubjectSearch search = grid.get(g);
                SubjectSearch.Estimate estimate = estimates.computeIfAbsent(
                        search.threshold() + "/" + search.grow() + "/" + search.centreSigma() + "/"
                                + search.edgeWeight(),
                        key -> search.estimate(s.cues(), s.found().faces(), s.width(), s.height()));
                Box subject = search.accepted(estimate);
                List<Crop> c = bySubject.computeIfAbsent(
                        key(subject),
                        x -> CropEval.plan(
                                planner,
                                s.width(),
                                s.height(),
                                s.found()
                                        .withSubject(
                                                subject,
                                                Detections.SUBJECT_BY_MAP,
                                                s.found().unavailable()),
                                shapes));
                perGrid.add(c);
                CropScore score = new CropScore();
                for (Crop crop : c) score.add(crop, s.width(), s.height(), s.subject(), s.faces(), s.words());
                scores[i][g] = score;
            }
            crops.add(perGrid);
        }
        ObjectNode out = json.createObjectNode();
        int all = best(scores, fold, -1);
        System.out.printf("fitted on all images (what subject-search.properties should hold): %s%n", grid.get(all));
        for (int f = 0; f < k; f++) {
            int best = best(scores, fold, f);
            double bestObjective = total(scores, fold, f, best).objective();
            int tested = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) continue;
                tested++;
                CropEval.putCrops(
                        out.putObject(samples.get(i).name()), crops.get(i).get(best));
            }
            System.out.printf(
                    "fold %d (%d images): fitted on the others %s (training objective %.3f)%n",
                    f + 1, tested, grid.get(best), bestObjective);
        }
        return out;
    }

    /** The parameter set scoring best on the images outside fold {@code f} (all images for -1); the first of equals. */
    private int best(CropScore[][] scores, int[] fold, int f) {
        int best = 0;
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < grid.size(); g++) {
            double o = total(scores, fold, f, g).objective();
            if (o > bestObjective + 1e-12) {
                bestObjective = o;
                best = g;
            }
        }
        return best;
    }

    private static CropScore total(CropScore[][] scores, int[] fold, int f, int g) {
        CropScore total = new CropScore();
        for (int i = 0; i < scores.length; i++) if (fold[i] != f) merge(total, scores[i][g]);
        return total;
    }

    private static void merge(CropScore into, CropScore s) {
        into.feasible += s.feasible;
        into.kept += s.kept;
        into.faces += s.faces;
        into.facesCut += s.facesCut;
        into.words += s.words;
        into.wordsCut += s.wordsCut;
    }

    private static String key(Box b) {
        return b == null
                ? "none"
                : Math.round(b.x()) + "," + Math.round(b.y()) + "," + Math.round(b.w()) + "," + Math.round(b.h());
    }
}
