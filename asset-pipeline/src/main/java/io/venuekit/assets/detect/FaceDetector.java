package io.venuekit.assets.detect;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Faces from both BlazeFace models, each in the range it was trained for: the full-range
 * model (tiled) finds the small faces of a group or street photo but misses a close-up face
 * that fills most of the frame, which the short-range model finds. Short-range boxes smaller
 * than {@code closeUpShare} of the image's short side are dropped: there the full-range
 * model is the better judge, and the short-range model's extra boxes are mostly false.
 * Either model may be absent; the other then works alone.
 */
public final class FaceDetector implements BoxDetector {

    private final BoxDetector fullRange;
    private final BoxDetector shortRange;
    private final double closeUpShare;

    public FaceDetector(BoxDetector fullRangeOrNull, BoxDetector shortRangeOrNull, double closeUpShare) {
        if (fullRangeOrNull == null && shortRangeOrNull == null) throw new IllegalArgumentException("no face model");
        this.fullRange = fullRangeOrNull;
        this.shortRange = shortRangeOrNull;
        this.closeUpShare = closeUpShare;
    }

    @Override
    public List<Box> find(BufferedImage image) {
        if (fullRange == null) return shortRange.find(image);
        List<Box> all = new ArrayList<>(fullRange.find(image));
        if (shortRange != null) {
            double min = closeUpShare * Math.min(image.getWidth(), image.getHeight());
            for (Box b : shortRange.find(image)) if (Math.max(b.w(), b.h()) >= min) all.add(b);
        }
        return OverlapRemoval.mergedFaces(all);
    }
}
