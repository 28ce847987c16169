package io.venuekit.bench;

import io.venuekit.assets.decode.DecodedImage;
import io.venuekit.assets.decode.HeaderReader;
import io.venuekit.assets.decode.ImageDecoder;
import io.venuekit.assets.decode.ImageHeader;
import io.venuekit.assets.decode.ImageLimits;
import io.venuekit.assets.variant.JpegEncoder;
import io.venuekit.assets.variant.Resizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The pipeline's decode → resize → encode path on a folder of JPEGs, one variant each: the Java
 * side of {@code bench/assets/vs-vipsthumbnail.sh}. Same steps as a real upload (header check,
 * power-of-two subsampled decode, EXIF orientation, Thumbnailator, progressive JPEG at 0.82).
 * Usage: {@code AssetResizeBatch <in dir> <out dir> <width> [threads]}.
 */
public final class AssetResizeBatch {

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int width = Integer.parseInt(args[2]);
        int threads = args.length > 3
                ? Integer.parseInt(args[3])
                : Runtime.getRuntime().availableProcessors();
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> list = Files.list(in)) {
            files = list.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        ImageDecoder decoder = new ImageDecoder();
        Resizer resizer = new Resizer();
        JpegEncoder encoder = new JpegEncoder(0.82f);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Long>> done = files.stream()
                .map(file -> pool.submit(() -> {
                    byte[] bytes = Files.readAllBytes(file);
                    ImageHeader header = HeaderReader.read(bytes, ImageLimits.DEFAULT);
                    int subsampling = ImageDecoder.subsamplingFor(header, width / (double) header.width());
                    DecodedImage decoded = decoder.decode(bytes, header, subsampling);
                    int w = Math.min(width, decoded.image().getWidth());
                    int h = (int) Math.round(w * header.height() / (double) header.width());
                    byte[] jpeg = encoder.encode(resizer.resize(decoded.image(), w, h));
                    write(out.resolve(file.getFileName()), jpeg);
                    return (long) jpeg.length;
                }))
                .toList();
        long bytes = 0;
        try {
            for (Future<Long> f : done) {
                bytes += f.get();
            }
        } finally {
            pool.shutdownNow(); // a failed file must end the run, not leave idle workers holding the JVM
        }
        System.out.printf(
                "java: %d files to %d px wide in %d ms inside the JVM (%d threads), %d KB written%n",
                files.size(), width, (System.nanoTime() - start) / 1_000_000, threads, bytes / 1024);
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
