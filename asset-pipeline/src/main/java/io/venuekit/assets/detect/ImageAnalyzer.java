package io.venuekit.assets.detect;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** Runs every detector on an image: faces, text and the salient subject. Thread-safe, share one. */
public final class ImageAnalyzer implements Detector {

    private final Path modelsDir;

    private ImageAnalyzer(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    public static ImageAnalyzer fromModelsDir(Path modelsDir) {
        return new ImageAnalyzer(modelsDir);
    }

    @Override
    public Detections detect(BufferedImage image) {
        return new Detections(List.of(), List.of(), null, List.of("faces: not implemented yet", "text: not implemented yet"));
    }
}
