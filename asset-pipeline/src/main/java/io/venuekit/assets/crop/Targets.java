package io.venuekit.assets.crop;

import io.venuekit.assets.detect.Box;
import io.venuekit.assets.detect.Detections;
import java.util.List;

/**
 * What every window of one plan is judged against, worked out once per plan rather than once per
 * window: faces grown to their whole extent (hair and chin included) and with their margin, which of
 * them no window of the shape can hold, the text boxes with their margin, and the subject.
 */
record Targets(
        int imageWidth,
        int imageHeight,
        int[] largest,
        List<Box> faces,
        List<Box> faceMargins,
        boolean[] tooBig,
        List<Box> text,
        Box subject) {

    static Targets of(int imageWidth, int imageHeight, Detections d, int[] largest) {
        List<Box> faces = d.faces().stream()
                .map(f -> Box.of(
                                f.x() - f.w() * Assessment.FACE_EXTENT,
                                f.y() - f.h() * Assessment.FACE_EXTENT_UP,
                                f.w() * (1 + 2 * Assessment.FACE_EXTENT),
                                f.h() * (1 + Assessment.FACE_EXTENT_UP + Assessment.FACE_EXTENT_DOWN))
                        .clipped(imageWidth, imageHeight))
                .toList();
        List<Box> margins = faces.stream()
                .map(f -> f.expanded(Assessment.FACE_MARGIN).clipped(imageWidth, imageHeight))
                .toList();
        boolean[] tooBig = new boolean[faces.size()];
        for (int i = 0; i < faces.size(); i++) {
            tooBig[i] = faces.get(i).w() > largest[0] + 1 || faces.get(i).h() > largest[1] + 1;
        }
        List<Box> text = d.text().stream()
                .map(t -> {
                    double m = t.h() * Assessment.TEXT_MARGIN;
                    return Box.of(t.x() - m, t.y() - m, t.w() + 2 * m, t.h() + 2 * m)
                            .clipped(imageWidth, imageHeight);
                })
                .toList();
        return new Targets(imageWidth, imageHeight, largest, faces, margins, tooBig, text, d.subject());
    }
}
