package io.venuekit.renderer;

import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.renderer.image.AssetVariant;
import io.venuekit.renderer.image.AssetView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog that knows every asset id except those starting with {@code missing}: each asset in
 * every crop shape at the widths the pipeline writes, in JPEG and WebP, with sizes of about
 * 0.18 (JPEG) and 0.12 (WebP) bytes per pixel.
 */
final class TestAssets implements AssetCatalog {

    static final List<String> SHAPES = List.of("1:1", "3:4", "4:3", "16:9", "2:1", "9:16");
    static final int[] WIDTHS = {240, 480, 720, 1080};

    @Override
    public Optional<AssetView> find(String assetId) {
        if (assetId.startsWith("missing")) {
            return Optional.empty();
        }
        return Optional.of(view(assetId, SHAPES, WIDTHS));
    }

    static AssetView view(String assetId, List<String> shapes, int[] widths) {
        List<AssetVariant> variants = new ArrayList<>();
        for (String shape : shapes) {
            String[] r = shape.split(":");
            for (int w : widths) {
                int h = (int) Math.round(w * Double.parseDouble(r[1]) / Double.parseDouble(r[0]));
                for (String format : List.of("jpeg", "webp")) {
                    long bytes = Math.round(w * h * (format.equals("webp") ? 0.12 : 0.18));
                    variants.add(new AssetVariant(
                            shape,
                            w,
                            h,
                            format,
                            bytes,
                            "https://img.example.com/" + assetId + "/" + shape.replace(':', 'x') + "/" + w + "."
                                    + format));
                }
            }
        }
        return new AssetView("#c08040", "data:image/webp;base64,UklGRg==", variants);
    }
}
