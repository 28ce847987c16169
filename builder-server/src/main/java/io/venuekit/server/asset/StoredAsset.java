package io.venuekit.server.asset;

import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.crop.Focus;
import java.util.List;

/**
 * One document of the {@code assets} collection.
 *
 * @param id             {@link AssetService#idFor}: the same bytes from the same uploader are the same asset,
 *                       from another uploader another asset (before, the content hash alone)
 * @param owners         the uploader; an asset stored before ids were per uploader may list several
 * @param job            what the next or current job does: {@code process} (everything), {@code replan} (new
 *                       focus) or {@code refine} (the subject model's estimate, after a first result made without it)
 * @param requestedFocus the focus the next job follows (the operator's latest), or null for none
 * @param claim          the token of the worker running the job; only it may move the job on
 * @param heartbeatMs    when that worker last reported (epoch ms); a stale one is taken over after a restart
 * @param manifest       what the last successful job made (its variants are the ones served), or null
 * @param retired        variant files a newer manifest replaced, kept a while for pages that still link them
 * @param readyAt        when the first manifest was stored (its variants served from then on), or null
 * @param name           the uploaded file's name as the uploader's computer called it, or null (raw uploads, seeds)
 * @param bytes          the uploaded file's size (0 for assets stored before it was recorded)
 */
public record StoredAsset(
        String id,
        String contentHash,
        String owner,
        List<String> owners,
        AssetStatus status,
        double progress,
        String stage,
        int attempts,
        String job,
        Focus requestedFocus,
        String claim,
        long heartbeatMs,
        AssetFailure failure,
        AssetManifest manifest,
        List<Retired> retired,
        String createdAt,
        String updatedAt,
        String readyAt,
        String name,
        long bytes) {

    public static final String PROCESS = "process";
    public static final String REPLAN = "replan";
    public static final String REFINE = "refine";

    public StoredAsset {
        owners = owners == null ? List.of() : List.copyOf(owners);
        retired = retired == null ? List.of() : List.copyOf(retired);
    }

    /** A new upload, queued for its first job. */
    public static StoredAsset queued(String id, String contentHash, String owner, String now, long nowMs) {
        return queued(id, contentHash, owner, now, nowMs, null, 0);
    }

    /** A new upload of a named file of {@code bytes} bytes, queued for its first job. */
    public static StoredAsset queued(
            String id, String contentHash, String owner, String now, long nowMs, String name, long bytes) {
        return new StoredAsset(
                id,
                contentHash,
                owner,
                List.of(owner),
                AssetStatus.QUEUED,
                0.0,
                "queued",
                0,
                PROCESS,
                null,
                null,
                nowMs,
                null,
                null,
                List.of(),
                now,
                now,
                null,
                name,
                bytes);
    }

    /**
     * Where the asset is, in the four steps a person sees: {@code queued}, {@code analysing} (decoding,
     * detecting, planning), {@code encoding} (resizing and encoding the files), {@code ready} or {@code failed}
     * (with {@link #failure}'s reason). A new focus or a refinement is {@code analysing} again.
     */
    public String phase() {
        return switch (status) {
            case READY, FAILED, QUEUED -> status.id();
            default ->
                stage != null
                                && (stage.startsWith("encoding")
                                        || stage.startsWith("resiz")
                                        || stage.startsWith("render"))
                        ? "encoding"
                        : "analysing";
        };
    }

    /** A variant file no longer in the manifest since {@code atMs}. */
    public record Retired(String name, long atMs) {}
}
