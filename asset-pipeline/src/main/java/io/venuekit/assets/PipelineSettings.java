package io.venuekit.assets;

import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.decode.ImageLimits;
import io.venuekit.assets.variant.Aspect;
import io.venuekit.assets.variant.VariantMaker;
import java.util.List;

/**
 * How the pipeline runs.
 *
 * @param limits           bytes and pixels accepted
 * @param shapes           the slot shapes to crop for, e.g. "16:9"
 * @param analysisLongSide the long side, in pixels, detectors see; 1024 keeps small faces findable
 *                         and detection cost independent of the upload's size
 * @param variants         widths and encoders of the output files
 */
public record PipelineSettings(ImageLimits limits, List<String> shapes, int analysisLongSide, VariantMaker variants) {

    public PipelineSettings {
        shapes = List.copyOf(shapes);
        shapes.forEach(Aspect::parse);
        if (analysisLongSide < 64) {
            throw new IllegalArgumentException("analysisLongSide must be at least 64, got " + analysisLongSide);
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(ImageLimits.DEFAULT, CropPlanner.SHAPES, 1024, VariantMaker.standard());
    }

    public PipelineSettings withLimits(ImageLimits newLimits) {
        return new PipelineSettings(newLimits, shapes, analysisLongSide, variants);
    }

    public PipelineSettings withShapes(List<String> newShapes) {
        return new PipelineSettings(limits, newShapes, analysisLongSide, variants);
    }

    public PipelineSettings withVariants(VariantMaker newVariants) {
        return new PipelineSettings(limits, shapes, analysisLongSide, newVariants);
    }
}
