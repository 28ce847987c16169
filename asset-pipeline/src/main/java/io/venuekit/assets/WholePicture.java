package io.venuekit.assets;

import io.venuekit.assets.variant.Resizer;
import io.venuekit.assets.variant.Variant;
import io.venuekit.assets.variant.VariantFormat;
import io.venuekit.assets.variant.VariantMaker;
import io.venuekit.assets.variant.VariantRef;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The whole picture, upright (EXIF orientation applied by the decoder), at most {@link #LONG_SIDE} px on
 * its long side, once per format: what a screen shows when it shows the picture rather than a crop of it
 * (the library's image page, the focus editors). Listed among the variants with the shape {@link #SHAPE},
 * which no slot has, so no page is ever served it for a slot.
 */
final class WholePicture {

    /** The shape name of the whole-picture files. */
    static final String SHAPE = AssetManifest.ORIGINAL;
    /** Long side of the whole-picture files: sharp at 600 CSS px on a DPR-2 screen, about 150-250 KB as JPEG. */
    static final int LONG_SIDE = 1200;

    private final VariantMaker maker;
    private final Resizer resizer = new Resizer();

    WholePicture(VariantMaker maker) {
        this.maker = maker;
    }

    /**
     * Starts making the files on {@code executor}: one resize, then one encode per format in parallel.
     *
     * @param candidates images of the whole picture, smallest first (the working copy, the decode): the
     *                   first with a long side of at least {@link #LONG_SIDE} is scaled, else the last as it is
     */
    CompletableFuture<List<Variant>> make(List<BufferedImage> candidates, Executor executor) {
        CompletableFuture<BufferedImage> sized = CompletableFuture.supplyAsync(() -> sized(candidates), executor);
        return sized.thenCompose(image -> {
            List<CompletableFuture<Variant>> files = maker.formats().stream()
                    .sorted()
                    .map(f -> CompletableFuture.supplyAsync(() -> maker.encode(SHAPE, image, f), executor))
                    .toList();
            return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new))
                    .thenApply(x -> files.stream().map(CompletableFuture::join).toList());
        });
    }

    /** Whether {@code previous} already lists the whole picture in every format the settings make. */
    boolean alreadyMade(AssetManifest previous) {
        if (previous == null) return false;
        Set<VariantFormat> have = new HashSet<>();
        previous.original().forEach(v -> have.add(v.format()));
        return have.equals(maker.formats());
    }

    static List<VariantRef> of(List<VariantRef> variants) {
        return variants.stream().filter(v -> SHAPE.equals(v.shape())).toList();
    }

    private BufferedImage sized(List<BufferedImage> candidates) {
        BufferedImage from = candidates.stream()
                .filter(i -> Math.max(i.getWidth(), i.getHeight()) >= LONG_SIDE)
                .findFirst()
                .orElse(candidates.get(candidates.size() - 1));
        int longSide = Math.max(from.getWidth(), from.getHeight());
        if (longSide <= LONG_SIDE) {
            return from.getType() == BufferedImage.TYPE_INT_RGB
                    ? from
                    : resizer.resize(from, from.getWidth(), from.getHeight());
        }
        double f = LONG_SIDE / (double) longSide;
        return resizer.resize(from, Math.max(1, (int) Math.round(from.getWidth() * f)), Math.max(1, (int)
                Math.round(from.getHeight() * f)));
    }
}
