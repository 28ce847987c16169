package io.venuekit.renderer.image;

import java.util.List;

/**
 * What the renderer needs of a processed asset.
 *
 * @param placeholder the dominant colour, {@code #rrggbb}, painted before the bytes arrive
 * @param preview     a tiny blurred preview as a data URI, or null
 * @param variants    every crop shape, width and format the pipeline produced
 */
public record AssetView(String placeholder, String preview, List<AssetVariant> variants) {

    public AssetView {
        variants = List.copyOf(variants);
    }
}
