package io.venuekit.server.asset;

import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.ContentHash;
import io.venuekit.assets.UseCropMaker;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.decode.ImageEnd;
import io.venuekit.server.asset.AssetRepository.VariantsChange;
import io.venuekit.server.asset.AssetRepository.VariantsChanges;
import io.venuekit.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads, manifests, focus changes and retries. Blocking (database, hashing): call it from a
 * worker thread. The cheap checks (bytes, type, header pixels) run here, before anything is
 * stored or queued, so a refused upload is answered at once; the pixels are decoded by a job.
 */
public final class AssetService {

    /** An asset id is this many hex digits of a SHA-256 ({@link #idFor}). */
    public static final int ID_LENGTH = 24;

    private final AssetRepository repository;
    private final AssetFiles files;
    private final AssetJobs jobs;
    private final AssetProcessor processor;
    private final Clock clock;
    private final UseCrops useCrops;
    private final ViewCache views = new ViewCache(java.time.Duration.ofSeconds(5), 10_000);
    /** Per asset, how often its served variants changed as far as this instance knows. */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    /** Moves on for a change this instance cannot name the asset of: every asset's version moves with it. */
    private final AtomicLong generation = new AtomicLong();
    /** The numbers of the changes this instance recorded itself, which {@link #refresh} then skips. */
    private final Set<Long> ownChanges = ConcurrentHashMap.newKeySet();

    private volatile long lastChange = -1;

    public AssetService(
            AssetRepository repository, AssetFiles files, AssetJobs jobs, AssetProcessor processor, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.jobs = jobs;
        this.processor = processor;
        this.clock = clock;
        this.useCrops = new UseCrops(
                repository, files, new UseCropMaker(new CropPlanner(), processor.settings(), Runnable::run), clock);
        jobs.addReadyListener(id -> {
            views.forget(id);
            versions.merge(id, 1L, Long::sum);
            ownChanges.add(repository.recordVariantsChange(id));
        });
    }

    /**
     * Moves on whenever the served variants of one of these assets change (first processing, new focus,
     * refinement, retry): at once for a job that finished here, from the next {@link #refresh} for one that
     * finished on another instance. Layouts are cached under the version of the assets they name, so none
     * keeps naming replaced variants, and an upload no page uses leaves every cached layout in place.
     * Never goes back, so a key made from it never comes round again.
     */
    public long version(Collection<String> assetIds) {
        long version = generation.get();
        for (String id : assetIds) {
            version += versions.getOrDefault(id, 0L);
        }
        return version;
    }

    /** Notices variants changed through other instances (run every few seconds). Blocking. */
    public synchronized void refresh() {
        VariantsChanges read = repository.variantsChangesSince(lastChange);
        if (read.latest() == lastChange) {
            return;
        }
        if (lastChange < 0 || !read.complete()) {
            views.clear();
            generation.incrementAndGet();
        } else {
            for (VariantsChange change : read.changes()) {
                if (!ownChanges.remove(change.number())) {
                    views.forget(change.assetId());
                    versions.merge(change.assetId(), 1L, Long::sum);
                }
            }
        }
        lastChange = read.latest();
        ownChanges.removeIf(number -> number <= read.latest());
    }

    /** What an upload did: a new asset with a job queued, or the asset these bytes already are. */
    public record Upload(StoredAsset asset, boolean created) {}

    /**
     * The id of {@code owner}'s upload of the bytes with this hash. Ownership, focus and visibility
     * are per uploader, so the same bytes from two people are two assets: an id names one
     * uploader's asset, and uploading someone else's picture tells nothing of theirs. (Ids were the
     * content hash alone before; {@link #existing} still finds those.)
     */
    public static String idFor(String contentHash, String owner) {
        return ContentHash.sha256((owner + "\n" + contentHash).getBytes(StandardCharsets.UTF_8))
                .substring(0, ID_LENGTH);
    }

    /**
     * Accepts an upload: the same bytes from the same uploader give their existing asset and no new
     * job; from anyone else, an asset of their own.
     *
     * @throws ApiException 413/415/422 for a refused file, 429 ({@link BusyException}) when the queue is full
     */
    public Upload upload(byte[] bytes, String owner) {
        return upload(bytes, owner, null);
    }

    /** The same, recording the file's name (as the uploader's computer called it) for the library. */
    public Upload upload(byte[] bytes, String owner, String name) {
        String hash = ContentHash.sha256(bytes);
        String id = idFor(hash, owner);
        Optional<StoredAsset> existing = existing(hash, owner);
        if (existing.isPresent()) {
            return new Upload(again(existing.get(), bytes), false);
        }
        inspect(bytes);
        try (AssetJobs.Slot slot = jobs.reserve().orElseThrow(() -> new BusyException(jobs.retryAfterSeconds()))) {
            files.putOriginal(id, bytes);
            StoredAsset asset =
                    StoredAsset.queued(id, hash, owner, clock.instant().toString(), clock.millis(), name, bytes.length);
            if (!repository.insert(asset)) {
                return new Upload(repository.find(id).orElseThrow(), false);
            }
            slot.submit(id);
            return new Upload(asset, true);
        }
    }

    /**
     * Stores and queues bytes without an HTTP request (the sample seeder); returns the asset id at
     * once, the job runs later. When the queue is full the job waits for the next sweep.
     *
     * @throws AssetRejectedException when the bytes are not an image the pipeline accepts
     */
    public String ingestBytes(byte[] bytes, String owner) {
        String hash = ContentHash.sha256(bytes);
        String id = idFor(hash, owner);
        Optional<StoredAsset> existing = existing(hash, owner);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        ImageEnd.require(processor.inspect(bytes), bytes);
        files.putOriginal(id, bytes);
        if (repository.insert(
                StoredAsset.queued(id, hash, owner, clock.instant().toString(), clock.millis(), null, bytes.length))) {
            jobs.enqueue(id);
        }
        return id;
    }

    /** Whether the id names an uploaded asset (for validating page documents); reads the id alone. */
    public boolean exists(String id) {
        return repository.exists(id);
    }

    public StoredAsset get(String id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    public List<StoredAsset> list(String owner, int limit) {
        return repository.list(owner, limit);
    }

    /**
     * One page of a library ({@link AssetRepository#page}).
     *
     * @throws ApiException 400 when the cursor is not one this list gave
     */
    public AssetRepository.Listing page(String owner, String query, String cursor, int limit) {
        try {
            return repository.page(owner, query, cursor, limit);
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    400,
                    "bad-cursor",
                    "The cursor \"" + cursor + "\" is not one this list gave (the answer's "
                            + "\"next\"); ask again without it to start from the newest.");
        }
    }

    /** Plans the crops again for an operator's focus; the current variants stay served until the new ones are ready. */
    public StoredAsset focus(String id, Focus focus) {
        get(id);
        try (AssetJobs.Slot slot = jobs.reserve().orElseThrow(() -> new BusyException(jobs.retryAfterSeconds()))) {
            StoredAsset asset = repository
                    .requestFocus(id, focus, clock.instant().toString(), clock.millis())
                    .orElseThrow(() -> notFound(id));
            slot.submit(id);
            return asset;
        }
    }

    /**
     * Takes the asset-wide focus away: the crops follow the detections again. Queues a replan only when
     * there is a focus to take away; otherwise the asset as it is ({@link ClearedFocus#changed()} false).
     */
    public ClearedFocus clearFocus(String id) {
        StoredAsset asset = get(id);
        boolean focused = asset.requestedFocus() != null
                || (asset.manifest() != null && asset.manifest().focus() != null);
        if (!focused) {
            return new ClearedFocus(asset, false);
        }
        try (AssetJobs.Slot slot = jobs.reserve().orElseThrow(() -> new BusyException(jobs.retryAfterSeconds()))) {
            StoredAsset queued = repository
                    .requestFocus(id, null, clock.instant().toString(), clock.millis())
                    .orElseThrow(() -> notFound(id));
            slot.submit(id);
            return new ClearedFocus(queued, true);
        }
    }

    /** What clearing the focus did: {@code changed} when crops are being planned again. */
    public record ClearedFocus(StoredAsset asset, boolean changed) {}

    /** The slot shapes every upload is cropped to ("16:9", ...), in the pipeline's order. */
    public List<String> shapes() {
        return processor.settings().shapes();
    }

    /** Queues a failed asset's job again; 409 when it has not failed. */
    public StoredAsset retry(String id) {
        StoredAsset asset = get(id);
        if (asset.status() != AssetStatus.FAILED) {
            throw notFailed(asset);
        }
        try (AssetJobs.Slot slot = jobs.reserve().orElseThrow(() -> new BusyException(jobs.retryAfterSeconds()))) {
            StoredAsset queued = repository
                    .retry(id, clock.instant().toString(), clock.millis())
                    .orElseThrow(() -> notFailed(get(id)));
            slot.submit(id);
            return queued;
        }
    }

    /** The bytes of one variant file (also of one a newer focus replaced, for a while). */
    public Optional<byte[]> variant(String id, String name) {
        return files.variant(id, name);
    }

    /**
     * The served variants and placeholders, for the renderer; empty until the first job has finished.
     * Cached for a few seconds: after a focus change, pages may name the previous variants that long
     * (they stay served).
     */
    public Optional<AssetManifestView> find(String id) {
        return views.get(
                id,
                key -> repository.find(key).filter(a -> a.manifest() != null).map(AssetViews::view));
    }

    /** The asset {@code owner} already made of these bytes: under its id, or under the content hash an older server named it by. */
    private Optional<StoredAsset> existing(String contentHash, String owner) {
        Optional<StoredAsset> mine = repository.find(idFor(contentHash, owner));
        if (mine.isPresent()) {
            return mine;
        }
        return repository
                .find(contentHash.substring(0, ID_LENGTH))
                .filter(a -> a.owners().contains(owner));
    }

    /**
     * The files for a use of the asset with its own focus, in one shape ({@link UseCrops}): made on
     * first request, then shared. Blocking: reads the database, and waits up to a second for a crop
     * being made. Call it for a processed asset ({@link #find} not empty).
     */
    public UseCrops.Lookup useCrop(String id, String shape, Focus focus) {
        return useCrops.find(id, shape, focus);
    }

    /** The same bytes again from the same uploader: a failed asset is queued again (its file may have been the fault). */
    private StoredAsset again(StoredAsset asset, byte[] bytes) {
        if (asset.status() != AssetStatus.FAILED) {
            return asset;
        }
        inspect(bytes);
        files.putOriginal(asset.id(), bytes);
        return retry(asset.id());
    }

    private void inspect(byte[] bytes) {
        try {
            ImageEnd.require(processor.inspect(bytes), bytes);
        } catch (AssetRejectedException e) {
            throw new ApiException(e.httpStatus(), AssetJob.code(e), e.getMessage());
        }
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "not-found", "There is no asset " + id + ". Upload the image to get an id.");
    }

    private static ApiException notFailed(StoredAsset asset) {
        return new ApiException(
                409,
                "not-failed",
                "Only a failed asset can be retried; asset " + asset.id() + " is "
                        + asset.status().id() + ".");
    }

    /** The job queue is full: the client should send again after {@link #retryAfterSeconds()}. */
    public static final class BusyException extends ApiException {
        private final int retryAfterSeconds;

        BusyException(int retryAfterSeconds) {
            super(
                    429,
                    "busy",
                    "The server is processing as many images as it can. Upload again in " + retryAfterSeconds
                            + " seconds.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
