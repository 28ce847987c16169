package io.venuekit.assets;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.variant.Aspect;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.assets.variant.PlaceholderMaker;
import io.venuekit.assets.variant.Variant;
import io.venuekit.assets.variant.VariantFormat;
import io.venuekit.assets.variant.VariantMaker;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders every crop at every width and format. Each shape is resized as one task, then each of
 * its files is encoded as its own task, so on a small machine the encoders (WebP above all) keep
 * every core busy and the caller waits only for the slowest file. Nothing blocks inside the executor.
 */
final class VariantRenderer {

    record Output(List<Variant> variants, Map<String, Placeholder> placeholders) {}

    /** A crop in the pixels of the image it is cut from. */
    record Cut(BufferedImage image, Crop crop) {}

    private final VariantMaker maker;
    private final PlaceholderMaker placeholders = new PlaceholderMaker();

    VariantRenderer(VariantMaker maker) {
        this.maker = maker;
    }

    /**
     * @param cuts     one per shape
     * @param progress told of each encoded file, between {@code from} and {@code to}
     */
    Output render(List<Cut> cuts, Executor executor, ProgressListener progress, double from, double to) {
        List<VariantFormat> formats = List.copyOf(maker.formats());
        int total = cuts.stream()
                .mapToInt(c -> maker.widths().forCrop(c.crop().width()).size() * formats.size())
                .sum();
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<List<Variant>>> perShape = new ArrayList<>();
        Map<String, CompletableFuture<Placeholder>> previews = new LinkedHashMap<>();
        for (Cut cut : cuts) {
            Crop crop = cut.crop();
            BufferedImage image = cut.image();
            Aspect aspect = Aspect.parse(crop.aspect());
            Rectangle region = new Rectangle(crop.x(), crop.y(), crop.width(), crop.height());
            CompletableFuture<List<BufferedImage>> sizes =
                    CompletableFuture.supplyAsync(() -> maker.sizes(image, region, aspect), executor);
            previews.put(
                    crop.aspect(), sizes.thenApplyAsync(s -> placeholders.make(s.get(s.size() - 1), aspect), executor));
            perShape.add(sizes.thenCompose(s -> {
                List<CompletableFuture<Variant>> files = new ArrayList<>();
                for (BufferedImage sized : s) {
                    for (VariantFormat format : formats) {
                        files.add(CompletableFuture.supplyAsync(
                                () -> {
                                    Variant v = maker.encode(crop.aspect(), sized, format);
                                    synchronized (done) { // keeps reported progress in order across threads
                                        int n = done.incrementAndGet();
                                        progress.progress(
                                                from + (to - from) * n / total, "encoding " + n + "/" + total);
                                    }
                                    return v;
                                },
                                executor));
                    }
                }
                return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new))
                        .thenApply(
                                x -> files.stream().map(CompletableFuture::join).toList());
            }));
        }
        try {
            List<Variant> variants = new ArrayList<>();
            perShape.forEach(f -> variants.addAll(f.join()));
            Map<String, Placeholder> byShape = new LinkedHashMap<>();
            previews.forEach((shape, f) -> byShape.put(shape, f.join()));
            return new Output(variants, byShape);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
