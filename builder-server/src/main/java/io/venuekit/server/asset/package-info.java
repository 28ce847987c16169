/**
 * Assets: merchants' uploads and the variant files the pipeline makes of them.
 *
 * <p>{@link io.venuekit.server.asset.AssetHandler} (HTTP, mounted by {@link io.venuekit.server.asset.AssetRoutes})
 * calls {@link io.venuekit.server.asset.AssetService}, which checks an upload's bytes, type and header pixel
 * count at once (413/415/422), stores the original and queues a job on
 * {@link io.venuekit.server.asset.AssetJobs}: a bounded pool (429 when full) whose
 * {@link io.venuekit.server.asset.AssetJob} runs the {@code asset-pipeline} and swaps the manifest in one
 * conditional write. Manifests live behind {@link io.venuekit.server.asset.AssetRepository} (collection
 * {@code assets}, id = 24 hex of the upload's SHA-256), bytes behind {@link io.venuekit.server.asset.AssetFiles}
 * (GridFS bucket {@code asset_files}).
 *
 * <p>Job states: {@code queued → processing → ready | failed}. Only the worker holding an asset's claim
 * token may move it on; a new focus or a retry queues it again and takes the claim away. A processing job
 * whose worker stops reporting (a restart) is queued again by the next sweep; one interrupted
 * {@code maxAttempts} times fails with code {@code interrupted}. Replaced variant files stay served for
 * {@code retireAfter}, then the sweep deletes them.
 */
package io.venuekit.server.asset;
