package io.venuekit.server.asset;

import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.crop.Focus;
import java.util.List;
import java.util.Optional;

/**
 * Where asset manifests and job states live. Every move of a running job is conditional on the
 * claim token of the worker that took it, so a worker that lost its job (a new focus, a takeover
 * after a restart) cannot overwrite the newer state.
 */
public interface AssetRepository {

    /** Stores a new asset; false (and nothing written but the owner) when one with this id exists. */
    boolean insert(StoredAsset asset);

    Optional<StoredAsset> find(String id);

    /** Whether an asset with this id was uploaded (whatever its state); reads the id alone. */
    boolean exists(String id);

    /** Assets one owner uploaded (or everyone's when {@code owner} is null), newest first. */
    default List<StoredAsset> list(String owner, int limit) {
        return page(owner, null, null, limit).assets();
    }

    /** One page of a library, newest first, and the cursor of the next page (null on the last). */
    record Listing(List<StoredAsset> assets, String next) {}

    /**
     * Assets one owner uploaded (everyone's when {@code owner} is null), newest first, whose file name
     * contains {@code query} in any case (or whose id starts with it; null or blank for all), after the
     * asset {@code cursor} (null to start from the newest).
     *
     * @throws IllegalArgumentException when {@code cursor} is not an asset of this list
     */
    Listing page(String owner, String query, String cursor, int limit);

    /**
     * Takes a queued job: status {@code processing}, the claim token, one more attempt.
     *
     * @return the asset as claimed, or empty when it is not queued (someone else took it, or it is gone)
     */
    Optional<StoredAsset> claim(String id, String token, long nowMs);

    /** Records progress; false when the claim was lost. */
    boolean progress(String id, String token, double progress, String stage, long nowMs);

    /**
     * Makes the job's manifest the served one, atomically, and lists the variant files it replaced
     * as retired; false when the claim was lost (nothing changed). With {@code refineNext} the asset
     * is queued again at once for a {@code refine} job instead of becoming {@code ready}.
     */
    boolean complete(String id, String token, Completion done);

    /**
     * What a finished job stores.
     *
     * @param readyAt    when the asset's first manifest was stored: now for a first one, else the earlier time
     * @param refineNext queue a {@code refine} job at once instead of becoming {@code ready}
     */
    record Completion(
            AssetManifest manifest,
            List<StoredAsset.Retired> retired,
            String now,
            long nowMs,
            String readyAt,
            boolean refineNext) {}

    /** Marks the job failed with its reason; false when the claim was lost. */
    boolean fail(String id, String token, AssetFailure failure, String now);

    /** Queues a replan for a new focus (null: none, the detections decide), whatever the job's state; a running worker loses its claim. */
    Optional<StoredAsset> requestFocus(String id, Focus focus, String now, long nowMs);

    /** Queues a failed asset again, attempts reset; empty when the asset is not failed. */
    Optional<StoredAsset> retry(String id, String now, long nowMs);

    /** Jobs whose worker stopped reporting before {@code staleBeforeMs} go back to {@code queued}; returns how many. */
    long releaseStale(long staleBeforeMs, String now);

    /** Queued jobs, oldest first. */
    List<QueuedJob> queued(int limit);

    /** A queued asset and what its job does ({@link StoredAsset#job()}). */
    record QueuedJob(String id, String job) {
        boolean refine() {
            return StoredAsset.REFINE.equals(job);
        }
    }

    /** One change of an asset's served variants, numbered in the order every instance sees. */
    record VariantsChange(long number, String assetId) {}

    /**
     * The changes numbered after {@code since}, up to {@code latest}, the last number given out.
     *
     * @param complete false when some of them are no longer (or not yet) recorded: then which assets
     *                 changed is not known, only that some did
     */
    record VariantsChanges(long latest, java.util.List<VariantsChange> changes, boolean complete) {}

    /** Records that {@code assetId}'s served variants changed, for the other instances; returns its number. */
    long recordVariantsChange(String assetId);

    /** What changed after change number {@code since} (a negative one: only the latest number is wanted). */
    VariantsChanges variantsChangesSince(long since);

    /** The files made for one use's own focus ({@link UseCrops#key}), or empty when none were made. */
    Optional<StoredUseCrop> findUseCrop(String key);

    /** Records the files made for one use's focus; when two instances made them at once, the first record stays. */
    void saveUseCrop(StoredUseCrop crop);

    /** Forgets retired variant files (after their bytes were deleted). */
    void forgetRetired(String id, List<String> names);

    /** Assets with variant files retired before {@code beforeMs}. */
    List<StoredAsset> withRetiredBefore(long beforeMs, int limit);
}
