package io.venuekit.assets.crop;

import io.venuekit.assets.detect.Detections;

import java.util.List;

/** Chooses, for one slot shape, the window of an image that keeps what matters. */
public final class CropPlanner {

    public static final List<String> SHAPES = List.of("1:1", "3:4", "4:3", "16:9", "2:1", "9:16");

    public Crop plan(int imageWidth, int imageHeight, Detections detections, Focus focusOrNull, String aspect) {
        String[] parts = aspect.split(":");
        double ratio = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        int w = imageWidth, h = (int) Math.round(imageWidth / ratio);
        if (h > imageHeight) {
            h = imageHeight;
            w = Math.min(imageWidth, (int) Math.round(imageHeight * ratio));
        }
        return new Crop(aspect, (imageWidth - w) / 2, (imageHeight - h) / 2, w, h, List.of("largest window"), List.of());
    }
}
