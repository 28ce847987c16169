package io.venuekit.assets;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.assets.variant.VariantRef;
import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline learned and made for one upload, as plain records for Jackson.
 * All boxes and crops are in the source's pixels as seen (after orientation), whatever size it
 * was decoded at, so they stay valid if the pipeline's decode size changes.
 *
 * @param contentHash  SHA-256 (hex) of the uploaded bytes: the same bytes are the same asset
 * @param detections   faces, text, subject with scores; {@code unavailable} names detectors that could not run
 * @param focus        the operator's focus the crops followed, or null
 * @param crops        one per shape, with the reasons it was chosen and the rules that gave way
 * @param variants     every file made, largest first within a shape; the whole picture's files have the shape
 *                     {@link #ORIGINAL} (see {@link #original()})
 * @param placeholders by shape: average colour and a tiny blurred preview
 * @param notes        what the pipeline did that a person may want to know ("decoded at 1/2 size ...")
 */
public record AssetManifest(
        String contentHash,
        SourceFacts source,
        Detections detections,
        Focus focus,
        List<Crop> crops,
        List<VariantRef> variants,
        Map<String, Placeholder> placeholders,
        List<String> notes) {

    /** The shape of the files of the whole picture (upright, about 1200 px on the long side): no slot's shape. */
    public static final String ORIGINAL = "original";

    /** The whole picture's files, one per format (none in a manifest written before they were made). */
    public List<VariantRef> original() {
        return variants.stream().filter(v -> ORIGINAL.equals(v.shape())).toList();
    }

    public AssetManifest {
        crops = List.copyOf(crops);
        variants = List.copyOf(variants);
        placeholders = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(placeholders));
        notes = List.copyOf(notes);
    }
}
