package io.venuekit.server.asset;

import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.ProcessedAsset;
import io.venuekit.assets.ProgressListener;
import io.venuekit.assets.detect.Detections;
import io.venuekit.assets.variant.Variant;
import io.venuekit.assets.variant.VariantRef;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the pipeline for one asset: claim it, process (or replan for a new focus), store the
 * variant files, then swap the manifest in one conditional write. Until that write the old
 * variants are the ones listed and served.
 */
final class AssetJob {

    private static final Logger LOG = LoggerFactory.getLogger(AssetJob.class);
    private static final long PROGRESS_EVERY_MS = 250;

    private final AssetRepository repository;
    private final AssetFiles files;
    private final AssetProcessor processor;
    private final int maxAttempts;
    private final Clock clock;
    private final java.util.function.Consumer<String> ready;
    private final java.util.function.Consumer<String> refineQueued;
    private final Executor progressWrites;

    /**
     * @param ready          told the id of each asset whose new variants were just swapped in
     * @param refineQueued   told the id of each asset queued for a {@code refine} job as its variants were swapped in
     * @param progressWrites where progress is written to the database, off the encoding threads
     */
    AssetJob(
            AssetRepository repository,
            AssetFiles files,
            AssetProcessor processor,
            int maxAttempts,
            Clock clock,
            java.util.function.Consumer<String> ready,
            java.util.function.Consumer<String> refineQueued,
            Executor progressWrites) {
        this.ready = ready;
        this.refineQueued = refineQueued;
        this.progressWrites = progressWrites;
        this.repository = repository;
        this.files = files;
        this.processor = processor;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    void run(String id) {
        String token = UUID.randomUUID().toString();
        StoredAsset asset = repository.claim(id, token, clock.millis()).orElse(null);
        if (asset == null) {
            return;
        }
        if (asset.attempts() > maxAttempts) {
            fail(
                    asset,
                    token,
                    "interrupted",
                    "Processing was interrupted " + maxAttempts
                            + " times (the server restarted or lost its database while working on this image). Retry it; "
                            + "if it happens again, upload a smaller export of the image.");
            return;
        }
        if (refine(asset) && !processor.refines()) {
            // queued while a subject model was configured, taken up by a server without one: nothing to do
            repository.complete(id, token, completion(asset, asset.manifest(), List.of(), false));
            return;
        }
        try {
            byte[] original = files.original(id).orElse(null);
            if (original == null) {
                fail(
                        asset,
                        token,
                        "original-missing",
                        "The uploaded file was not stored completely. Upload the image again.");
                return;
            }
            Progress progress = new Progress(id, token);
            long started = System.nanoTime();
            ProcessedAsset result;
            if (refine(asset)) {
                result = processor.refine(original, asset.manifest(), asset.requestedFocus(), progress);
            } else if (StoredAsset.REPLAN.equals(asset.job()) && asset.manifest() != null) {
                result = processor.replan(original, asset.manifest(), asset.requestedFocus(), progress);
            } else {
                result = processor.process(original, asset.requestedFocus(), progress);
            }
            if (progress.lost.get()) {
                LOG.info("asset {}: a newer job took over; its result is dropped", id);
                return;
            }
            long processed = System.nanoTime();
            Map<String, byte[]> variantFiles = new LinkedHashMap<>();
            for (Variant variant : result.variants()) {
                variantFiles.put(variant.name(), variant.data());
            }
            files.putVariants(id, variantFiles);
            long stored = System.nanoTime();
            boolean refineNext = processor.needsRefining(result.manifest());
            if (!repository.complete(
                    id, token, completion(asset, result.manifest(), retired(asset, result), refineNext))) {
                LOG.info("asset {}: a newer job took over before this one finished; its result is dropped", id);
                return;
            }
            LOG.info(
                    "asset {}: {}, {} variants; {} in {} ms, stored in {} ms, manifest in {} ms",
                    id,
                    refineNext ? "variants ready, subject refinement queued" : "ready",
                    result.variants().size(),
                    asset.job(),
                    (processed - started) / 1_000_000,
                    (stored - processed) / 1_000_000,
                    (System.nanoTime() - stored) / 1_000_000);
            ready.accept(id);
            if (refineNext) {
                refineQueued.accept(id);
            }
        } catch (AssetRejectedException e) {
            fail(asset, token, code(e), e.getMessage());
        } catch (RuntimeException | Error e) {
            if (interrupted(e)) {
                LOG.info("asset {}: stopped by shutdown; it is taken up again after the restart", id);
                return;
            }
            if (e instanceof com.mongodb.MongoException) {
                // the database, not the image: leave the job claimed; once its heartbeat is stale a sweep
                // queues it again (at most maxAttempts times)
                LOG.warn("asset {}: storage failed ({}); the job is taken up again later", id, e.toString());
                return;
            }
            LOG.error("asset {}: processing failed", id, e);
            fail(
                    asset,
                    token,
                    "internal",
                    "Processing failed on the server (it has been logged). Retry it; if it "
                            + "fails again, open the image in an editor, export it as JPEG or PNG and upload that.");
        }
    }

    private static boolean refine(StoredAsset asset) {
        return StoredAsset.REFINE.equals(asset.job()) && asset.manifest() != null;
    }

    /**
     * A refinement that failed costs the refinement, not the asset: the first result stays served,
     * marked so that it is not refined again.
     */
    private void keepFirstResult(StoredAsset asset, String token, String why) {
        LOG.warn("asset {}: refining the subject failed ({}); the first result stays", asset.id(), why);
        AssetManifest m = asset.manifest();
        Detections d = m.detections() != null ? m.detections() : Detections.NONE;
        List<String> unavailable = new java.util.ArrayList<>(d.unavailable());
        unavailable.add("subject: refining with the salient-object model failed on the server (it has been logged)");
        AssetManifest kept = new AssetManifest(
                m.contentHash(),
                m.source(),
                d.withSubject(d.subject(), Detections.SUBJECT_BY_MAP_MODEL_FAILED, unavailable),
                m.focus(),
                m.crops(),
                m.variants(),
                m.placeholders(),
                m.notes());
        try {
            repository.complete(asset.id(), token, completion(asset, kept, List.of(), false));
        } catch (RuntimeException storage) {
            LOG.warn(
                    "asset {}: could not record it ({}); the refinement is tried again later",
                    asset.id(),
                    storage.toString());
        }
    }

    private AssetRepository.Completion completion(
            StoredAsset asset, AssetManifest manifest, List<StoredAsset.Retired> retired, boolean refineNext) {
        String now = clock.instant().toString();
        return new AssetRepository.Completion(
                manifest, retired, now, clock.millis(), asset.readyAt() != null ? asset.readyAt() : now, refineNext);
    }

    /** The variant files the old manifest listed and the new one does not. */
    private List<StoredAsset.Retired> retired(StoredAsset before, ProcessedAsset after) {
        if (before.manifest() == null) {
            return List.of();
        }
        Set<String> kept =
                after.manifest().variants().stream().map(VariantRef::name).collect(Collectors.toSet());
        long now = clock.millis();
        return before.manifest().variants().stream()
                .map(VariantRef::name)
                .filter(n -> !kept.contains(n))
                .distinct()
                .map(n -> new StoredAsset.Retired(n, now))
                .toList();
    }

    private void fail(StoredAsset asset, String token, String code, String message) {
        if (refine(asset)) {
            keepFirstResult(asset, token, code + ": " + message);
            return;
        }
        String now = clock.instant().toString();
        try {
            repository.fail(asset.id(), token, new AssetFailure(code, message, now), now);
        } catch (RuntimeException e) {
            LOG.warn(
                    "asset {}: could not record the failure ({}); the job is taken up again later",
                    asset.id(),
                    e.toString());
        }
    }

    /** A shutdown interrupted the job: it stays claimed and goes back to the queue once its heartbeat is stale. */
    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof com.mongodb.MongoInterruptedException) {
                return true;
            }
        }
        return false;
    }

    static String code(AssetRejectedException e) {
        return switch (e.reason()) {
            case TOO_LARGE -> "too-large";
            case UNSUPPORTED_TYPE -> "unsupported-type";
            case CORRUPT -> "corrupt";
        };
    }

    /**
     * Writes progress at most every {@value #PROGRESS_EVERY_MS} ms, off the calling thread (encoders call
     * it and must not wait for the database), and notices when the claim is lost. The last call writes
     * at once: it tells whether the claim still holds before the files are stored.
     */
    private final class Progress implements ProgressListener {
        private final String id;
        private final String token;
        private final AtomicBoolean lost = new AtomicBoolean();
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile long lastWrite;

        Progress(String id, String token) {
            this.id = id;
            this.token = token;
        }

        @Override
        public void progress(double fraction, String stage) {
            long now = clock.millis();
            if (fraction >= 1.0) {
                write(fraction, stage, now);
                return;
            }
            if (lost.get() || now - lastWrite < PROGRESS_EVERY_MS || !pending.compareAndSet(false, true)) {
                return;
            }
            lastWrite = now;
            try {
                progressWrites.execute(() -> {
                    try {
                        write(fraction, stage, now);
                    } catch (RuntimeException e) {
                        // only the status shown meanwhile is late; the last write, made at once, reports a real failure
                        LOG.debug("asset {}: progress not written: {}", id, e.toString());
                    } finally {
                        pending.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                pending.set(false); // shutting down: the status is written again when the job is taken up
            }
        }

        private synchronized void write(double fraction, String stage, long now) {
            if (!lost.get() && !repository.progress(id, token, Math.min(fraction, 0.99), stage, now)) {
                lost.set(true);
            }
        }
    }
}
