package io.venuekit.assets.crop;

import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.variant.Aspect;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses, for one slot shape, the window of an image that keeps what matters. First the
 * operator's focus, which never gives way ({@link FocusFit}: some window always keeps it); then,
 * in the order they give way when no window keeps them all (the last gives way first): every face
 * whole (with its hair and chin); no text box cut (with a margin) (each wholly in or out); the subject whole; a margin of
 * {@value Assessment#FACE_MARGIN} of a face's size around each face. Among windows that keep
 * the same rules, the largest that keeps most of the subject, the faces and the operator's
 * focus wins. Deterministic; stateless and thread-safe.
 */
public final class CropPlanner {

    public static final List<String> SHAPES = List.of("1:1", "3:4", "4:3", "16:9", "2:1", "9:16");

    public Crop plan(int imageWidth, int imageHeight, Detections detections, Focus focusOrNull, String aspect) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageWidth + "x" + imageHeight);
        }
        Aspect shape = Aspect.parse(aspect);
        Detections d = detections == null ? Detections.NONE : detections;
        int[] largest = shape.largestWindow(imageWidth, imageHeight);
        double largestArea = (double) largest[0] * largest[1];

        Targets targets = Targets.of(imageWidth, imageHeight, d, largest);
        List<Box> edges = new ArrayList<>(targets.faces());
        edges.addAll(targets.faceMargins());
        edges.addAll(targets.text());
        if (d.subject() != null) edges.add(d.subject());
        FocusFit fit = FocusFit.of(focusOrNull, imageWidth, imageHeight, largest);
        if (fit != null) edges.add(fit.region()); // a point too: its centred windows keep it, however small they are

        Assessment best = null;
        long bestRank = Long.MAX_VALUE;
        for (Window w : CandidateWindows.of(imageWidth, imageHeight, shape, edges, fit)) {
            long rank = Assessment.rank(w, targets, fit);
            if (rank > bestRank) continue; // loses on the hard rules whatever its score
            Assessment a = Assessment.of(w, targets, focusOrNull, fit);
            if (best == null || a.compareTo(best) < 0) {
                best = a;
                bestRank = rank;
            }
        }
        if (best == null || best.focusMissed()) {
            throw new IllegalStateException("no candidate window keeps the focus " + focusOrNull + " on " + imageWidth
                    + "x" + imageHeight + " for " + aspect + "; the candidates must include one");
        }
        Window w = best.window();
        return new Crop(
                aspect, w.x(), w.y(), w.w(), w.h(), reasons(best, d, focusOrNull, largestArea), gaveWay(best, fit));
    }

    private static List<String> reasons(Assessment a, Detections d, Focus focus, double largestArea) {
        List<String> r = new ArrayList<>();
        if (focus != null) r.add("follows operator focus");
        if (a.facesKept() > 0) r.add("keeps " + a.facesKept() + (a.facesKept() == 1 ? " face" : " faces"));
        if (d.subject() != null && !a.subjectCut()) r.add("keeps subject");
        long textKept = d.text().stream().filter(t -> a.window().contains(t)).count();
        if (textKept > 0) r.add("keeps " + textKept + " text " + (textKept == 1 ? "box" : "boxes") + " whole");
        if (!d.text().isEmpty() && a.textCut().isEmpty() && textKept < d.text().size()) r.add("leaves text out whole");
        if ((double) a.window().w() * a.window().h() >= largestArea * 0.999) r.add("largest window");
        if (r.isEmpty()) r.add("largest window near the centre of interest");
        return r;
    }

    private static List<String> gaveWay(Assessment a, FocusFit fit) {
        List<String> g = new ArrayList<>();
        if (fit != null && fit.tooBig()) g.add("focus box larger than any window of this shape: keeps the most of it");
        if (a.marginsMissed() > 0)
            g.add("face margin" + (a.marginsMissed() > 1 ? " (" + a.marginsMissed() + " faces)" : ""));
        if (a.subjectCut()) g.add("subject not whole");
        a.textCut().forEach(i -> g.add("text box " + i + " cut"));
        a.facesCut().forEach(i -> g.add("face " + i + " cut"));
        a.facesTooBig().forEach(i -> g.add("face " + i + " cut (larger than any window of this shape)"));
        return g;
    }
}
