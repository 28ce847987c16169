package io.venuekit.server.asset;

import io.venuekit.assets.UseCropMaker;
import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.assets.variant.Variant;
import io.venuekit.assets.variant.VariantRef;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crops for uses with their own focus (a page's image prop {@code {"asset", "focus"}}), one shape
 * each, made when a render first asks: found in memory, else in {@code asset_use_crops}, else made
 * on a thread of their own (one crop, one shape: a few hundred milliseconds) while the render waits
 * up to {@link #WAIT}. A render that gives up serves the asset-wide crop with a reason; such a layout
 * is cached for seconds only, so the next render names the new files. Every use with the same
 * (asset, shape, focus) shares them, on every instance; they are never replaced, so a published
 * page keeps its crop whatever a draft or the asset-wide focus does later.
 */
public final class UseCrops {

    private static final Logger LOG = LoggerFactory.getLogger(UseCrops.class);
    /** How long a render waits for a crop being made: a preview then shows the new focus at once. */
    static final Duration WAIT = Duration.ofSeconds(1);
    /** Crops waiting to be made; more requests are answered "busy" and asked again by the next render. */
    private static final int MAX_QUEUED = 64;

    private static final int MAX_CACHED = 10_000;
    /** A crop that failed is not tried again for this long (a render per second must not retry it each time). */
    private static final long FAILURE_TTL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /**
     * The files for one use, or why there are none yet ({@code pending} set, the lists empty).
     *
     * @param crop the window the files show, in source pixels, with its reasons; null while pending
     */
    public record Lookup(
            Crop crop, List<AssetManifestView.VariantView> variants, Placeholder placeholder, String pending) {
        public boolean ready() {
            return pending == null;
        }
    }

    private record Failure(String reason, long atNanos) {}

    private final AssetRepository repository;
    private final AssetFiles files;
    private final UseCropMaker maker;
    private final Clock clock;
    private final Map<String, StoredUseCrop> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<StoredUseCrop>> making = new ConcurrentHashMap<>();
    private final Map<String, Failure> failed = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;

    UseCrops(AssetRepository repository, AssetFiles files, UseCropMaker maker, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.maker = maker;
        this.clock = clock;
        this.pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
            Thread t = new Thread(r, "asset-use-crops");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** What the crops of one (asset, shape, focus) are stored and shared under. */
    static String key(String assetId, String shape, Focus focus) {
        String f = focus.hasRegion()
                ? String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", focus.x(), focus.y(), focus.w(), focus.h())
                : String.format(Locale.ROOT, "%.4f,%.4f", focus.x(), focus.y());
        return assetId + "|" + shape + "|" + f;
    }

    /**
     * Where the files of an asset's use crops are stored: apart from the asset's own, whose replaced
     * files are deleted after a day (a use crop may have the same bytes, hence the same name, as one).
     */
    static String filesId(String assetId) {
        return assetId + "-use";
    }

    /** The files for a use of a processed asset; blocking (database, and up to {@link #WAIT} for a crop being made). */
    Lookup find(String assetId, String shape, Focus focus) {
        String key = key(assetId, shape, focus);
        StoredUseCrop hit = cache.get(key);
        if (hit != null) {
            return ready(hit);
        }
        Failure failure = failed.get(key);
        if (failure != null && System.nanoTime() - failure.atNanos() < FAILURE_TTL_NANOS) {
            return pending("the " + shape + " crop for this image's own focus could not be made (" + failure.reason()
                    + "); the asset-wide crop is shown");
        }
        CompletableFuture<StoredUseCrop> future = making.get(key);
        if (future == null) {
            var stored = repository.findUseCrop(key);
            if (stored.isPresent()) {
                return ready(remember(stored.get()));
            }
            future = start(key, assetId, shape, focus);
            if (future == null) {
                return pending("the server is busy making crops; the asset-wide " + shape + " crop is shown until this "
                        + "image's own focus is made");
            }
        }
        try {
            return ready(future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return pending(
                    "the " + shape + " crop for this image's own focus is being made; the asset-wide crop is shown"
                            + " until it is ready");
        } catch (ExecutionException e) {
            return pending("the " + shape
                    + " crop for this image's own focus could not be made; the asset-wide crop is shown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending(
                    "interrupted while the crop for this image's own focus was made; the asset-wide crop is shown");
        }
    }

    private CompletableFuture<StoredUseCrop> start(String key, String assetId, String shape, Focus focus) {
        CompletableFuture<StoredUseCrop> future = new CompletableFuture<>();
        CompletableFuture<StoredUseCrop> already = making.putIfAbsent(key, future);
        if (already != null) {
            return already;
        }
        try {
            pool.execute(() -> {
                try {
                    future.complete(make(key, assetId, shape, focus));
                } catch (RuntimeException e) {
                    LOG.warn("use crop {}: {}", key, e.toString());
                    if (failed.size() >= MAX_CACHED) {
                        failed.clear();
                    }
                    failed.put(
                            key,
                            new Failure(
                                    e instanceof IllegalArgumentException
                                            ? e.getMessage()
                                            : "the image could not be cropped",
                                    System.nanoTime()));
                    future.completeExceptionally(e);
                } finally {
                    making.remove(key, future);
                }
            });
        } catch (RejectedExecutionException e) {
            making.remove(key, future);
            return null;
        }
        return future;
    }

    private StoredUseCrop make(String key, String assetId, String shape, Focus focus) {
        StoredAsset asset = repository
                .find(assetId)
                .filter(a -> a.manifest() != null)
                .orElseThrow(() -> new IllegalStateException("asset " + assetId + " has no processed manifest"));
        byte[] original = files.original(assetId)
                .orElseThrow(() -> new IllegalStateException("asset " + assetId + " has no stored original"));
        UseCropMaker.UseCrop made = maker.make(original, asset.manifest(), focus, shape);
        Map<String, byte[]> named = new LinkedHashMap<>();
        made.variants().forEach(v -> named.put(v.name(), v.data()));
        files.putVariants(filesId(assetId), named);
        List<VariantRef> refs = made.variants().stream().map(Variant::ref).toList();
        repository.saveUseCrop(new StoredUseCrop(
                key,
                assetId,
                shape,
                focus,
                made.crop(),
                refs,
                made.placeholder(),
                clock.instant().toString()));
        // two instances may have made it at once: every render names the record that was stored first
        return remember(repository.findUseCrop(key).orElseThrow());
    }

    private StoredUseCrop remember(StoredUseCrop crop) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(crop.key(), crop);
        return crop;
    }

    private static Lookup ready(StoredUseCrop crop) {
        String id = filesId(crop.assetId());
        return new Lookup(
                crop.crop(),
                crop.variants().stream()
                        .map(v -> new AssetManifestView.VariantView(
                                v.shape(),
                                v.width(),
                                v.height(),
                                v.format().id(),
                                v.bytes(),
                                AssetViews.variantUrl(id, v.name())))
                        .toList(),
                crop.placeholder(),
                null);
    }

    private static Lookup pending(String reason) {
        return new Lookup(null, List.of(), null, reason);
    }
}
