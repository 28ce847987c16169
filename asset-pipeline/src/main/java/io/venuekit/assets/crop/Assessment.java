package io.venuekit.assets.crop;

import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import java.util.ArrayList;
import java.util.List;

/**
 * How one window fares against the rules, most important first: the operator's focus missed,
 * faces cut, text boxes cut, subject not whole, faces without their margin; then a soft score
 * for the rest.
 */
record Assessment(
        Window window,
        boolean focusMissed,
        List<Integer> facesCut,
        List<Integer> textCut,
        boolean subjectCut,
        int marginsMissed,
        int facesKept,
        List<Integer> facesTooBig,
        double score) {

    /** Margin around a face, as a share of its size, that a crop keeps when it can. */
    static final double FACE_MARGIN = 0.2;
    /**
     * BlazeFace boxes hug the eyes and mouth; a face's ears reach about this share of its width
     * beyond them on each side, so "whole" is judged on the grown box.
     */
    static final double FACE_EXTENT = 0.1;
    /** Above the box: forehead and hair (a crop that shaves the hairline reads as cut). */
    static final double FACE_EXTENT_UP = 0.25;
    /** Below the box: the chin, which the box stops short of, more so under a mask. */
    static final double FACE_EXTENT_DOWN = 0.2;
    /**
     * Around a word, as a share of its height: detector boxes sit on the letters, and a crop edge
     * flush with them reads as cut.
     */
    static final double TEXT_MARGIN = 0.15;

    static Assessment of(
            Window win, int imageWidth, int imageHeight, Detections d, Focus focus, FocusFit fit, int[] largest) {
        return of(win, Targets.of(imageWidth, imageHeight, d, largest), focus, fit);
    }

    /**
     * The hard rules alone, packed so that a smaller number is a better window, the same order as
     * {@link #compareTo} up to the soft score: the planner skips the full assessment of a window
     * that already loses on these.
     */
    static long rank(Window win, Targets t, FocusFit fit) {
        int facesCut = 0, kept = 0, margins = 0, textCut = 0;
        for (int i = 0; i < t.faces().size(); i++) {
            if (t.tooBig()[i]) continue;
            Box face = t.faces().get(i);
            if (win.cuts(face)) facesCut++;
            else if (win.contains(face)) {
                kept++;
                if (!win.contains(t.faceMargins().get(i))) margins++;
            }
        }
        for (Box b : t.text()) if (win.cuts(b)) textCut++;
        boolean subjectCut = t.subject() != null && !win.contains(t.subject());
        boolean focusMissed = fit != null && !fit.keptBy(win);
        long r = focusMissed ? 1 : 0;
        r = r * 1024 + Math.min(1023, facesCut);
        r = r * 1024 + Math.min(1023, textCut);
        r = r * 2 + (subjectCut ? 1 : 0);
        r = r * 1024 + (1023 - Math.min(1023, kept));
        return r * 1024 + Math.min(1023, margins);
    }

    static Assessment of(Window win, Targets t, Focus focus, FocusFit fit) {
        int imageWidth = t.imageWidth(), imageHeight = t.imageHeight();
        int[] largest = t.largest();
        double largestArea = (double) largest[0] * largest[1];
        List<Integer> facesCut = new ArrayList<>();
        List<Integer> tooBig = new ArrayList<>();
        int margins = 0, kept = 0;
        double score = 0;
        for (int i = 0; i < t.faces().size(); i++) {
            Box face = t.faces().get(i);
            if (t.tooBig()[i]) {
                // No window of this shape holds it: keep as much of it as possible instead.
                tooBig.add(i + 1);
                score += 1.0 * win.keptShare(face);
                continue;
            }
            if (win.cuts(face)) {
                facesCut.add(i + 1);
            } else if (win.contains(face)) {
                kept++;
                if (!win.contains(t.faceMargins().get(i))) margins++;
            }
        }
        List<Integer> textCut = new ArrayList<>();
        for (int i = 0; i < t.text().size(); i++) {
            if (win.cuts(t.text().get(i))) textCut.add(i + 1);
        }
        Box subject = t.subject();
        boolean subjectCut = subject != null && !win.contains(subject);

        double area = (double) win.w() * win.h() / largestArea;
        score += 1.0 * area;
        if (subject != null) {
            score += 1.0 * win.keptShare(subject);
            score -= 0.3 * offCentre(subject.x(), subject.right(), imageWidth, win.x(), win.w());
            score -= 0.3 * offCentre(subject.y(), subject.bottom(), imageHeight, win.y(), win.h());
        }
        if (!t.faces().isEmpty()) score += 0.5 * kept / t.faces().size();
        if (focus != null) score += focusScore(win, focus, imageWidth, imageHeight, largest);
        // A slight pull to the image centre settles windows that are otherwise equal.
        score -= 0.05
                * (Math.abs(imageWidth / 2.0 - win.centreX()) / win.w()
                        + Math.abs(imageHeight / 2.0 - win.centreY()) / win.h());
        boolean focusMissed = fit != null && !fit.keptBy(win);
        return new Assessment(win, focusMissed, facesCut, textCut, subjectCut, margins, kept, tooBig, score);
    }

    /**
     * How far, in window sizes, the window sits from where the subject wants it on one axis:
     * centred on the subject, except that a subject running off one image edge (and too
     * big to keep whole) pulls the window to that edge, where the rest of it is.
     */
    private static double offCentre(double lo, double hi, int extent, int winLo, int winSize) {
        boolean tooBig = hi - lo > winSize + 1;
        if (tooBig && lo <= 0.5 && hi < extent - 0.5) return (double) winLo / winSize;
        if (tooBig && hi >= extent - 0.5 && lo > 0.5) return (extent - winLo - winSize) / (double) winSize;
        return Math.abs((lo + hi) / 2 - (winLo + winSize / 2.0)) / winSize;
    }

    /**
     * Where in the window the operator's focus sits (that it is kept is the first rule, {@link FocusFit}):
     * near the centre. Distances count in sizes of the largest window, not of this one, so a small window
     * is not preferred just for centring the focus more tightly: a point means "keep this in view", and
     * zooming in on it cost high-tier phones their sharp files (a point near a 4000 x 3000 photo's edge got a
     * 591-px 9:16 crop). A box pulls harder (it says what the crop is about), yet only a box far off-centre
     * makes a smaller window win.
     */
    private static double focusScore(Window win, Focus f, int iw, int ih, int[] largest) {
        double fx = f.x() * iw, fy = f.y() * ih;
        double s = 0;
        if (f.hasRegion()) {
            Box region = Box.of(fx, fy, f.w() * iw, f.h() * ih);
            s += 3.0 * win.keptShare(region);
            fx = region.centreX();
            fy = region.centreY();
        } else if (fx >= win.x() && fx <= win.x() + win.w() && fy >= win.y() && fy <= win.y() + win.h()) {
            s += 3.0;
        }
        double pull = f.hasRegion() ? 2.0 : 1.0;
        s -= pull * (Math.abs(fx - win.centreX()) / largest[0] + Math.abs(fy - win.centreY()) / largest[1]);
        return s;
    }

    /**
     * Orders best first: the focus kept (the operator said what matters), fewer faces cut, fewer text boxes cut, subject whole, more faces kept,
     * fewer margins missed, then the soft score.
     */
    int compareTo(Assessment o) {
        int c = Boolean.compare(focusMissed, o.focusMissed);
        if (c != 0) return c;
        c = Integer.compare(facesCut.size(), o.facesCut.size());
        if (c != 0) return c;
        c = Integer.compare(textCut.size(), o.textCut.size());
        if (c != 0) return c;
        c = Boolean.compare(subjectCut, o.subjectCut);
        if (c != 0) return c;
        c = Integer.compare(o.facesKept, facesKept);
        if (c != 0) return c;
        c = Integer.compare(marginsMissed, o.marginsMissed);
        if (c != 0) return c;
        c = Double.compare(o.score, score);
        if (c != 0) return c;
        // Deterministic tie-break: top-left first, then larger.
        c = Integer.compare(window.y(), o.window.y());
        if (c != 0) return c;
        c = Integer.compare(window.x(), o.window.x());
        return c != 0 ? c : Integer.compare(o.window.w(), window.w());
    }
}
