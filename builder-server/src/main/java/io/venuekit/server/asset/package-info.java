/**
 * Assets: merchants' uploads and the variant files the pipeline makes of them.
 *
 * <p>{@link io.venuekit.server.asset.AssetHandler} (HTTP, routed by {@link io.venuekit.server.HttpRoutes#assets})
 * calls {@link io.venuekit.server.asset.AssetService}, which checks an upload's bytes, type and header pixel
 * count at once (413/415/422), stores the original and queues a job on
 * {@link io.venuekit.server.asset.AssetJobs}: a bounded pool (429 when full) whose
 * {@link io.venuekit.server.asset.AssetJob} runs the {@code asset-pipeline} and swaps the manifest in one
 * conditional write. Manifests live behind {@link io.venuekit.server.asset.AssetRepository} (collection
 * {@code assets}), bytes behind {@link io.venuekit.server.asset.AssetFiles} (GridFS bucket {@code asset_files}).
 *
 * <p>An asset belongs to one uploader: its id is 24 hex of the SHA-256 of the uploader and the upload's
 * SHA-256 ({@link io.venuekit.server.asset.AssetService#idFor}). The same bytes from the same uploader are
 * their existing asset; from anyone else a new asset of their own (202), so an upload never reveals whether
 * someone else has the picture, and no one becomes co-owner of another's asset (issue 20). Assets from before
 * (id = the content hash alone, possibly several owners) are still found for the owners they list.
 *
 * <p>Focus comes two ways. A use's own focus (a page's image prop {@code {"asset", "focus"}}) gets that use
 * its own crop of its slot's shape ({@link io.venuekit.server.asset.UseCrops}, collection
 * {@code asset_use_crops}, files under {@code <id>-use}), made when a render first asks and never replaced:
 * the focus is part of the published snapshot, so a live page changes only when a page with another focus is
 * published, and a draft's preview shows its own at once. The asset-wide focus
 * ({@code PUT /api/assets/{id}/focus}) re-crops the asset for every use without a focus of its own, live pages
 * included, at once (it existed before per-use focus and merchants use it); so that no one changes live pages
 * unawares, {@code GET /api/assets/{id}/uses} lists the live pages and components it would change, for the
 * screen to warn before, and the answer to the change lists them again ({@code livePagesChanged});
 * {@code DELETE /api/assets/{id}/focus} takes it away the same way (the crops follow the detections again).
 * {@code GET /api/assets/{id}/crops/{shape}?x=&y=[&w=&h=]} ({@link io.venuekit.server.asset.UseCropHandler})
 * gives the image field the window and files a use with that focus gets, from the same
 * {@link io.venuekit.server.asset.UseCrops} a render uses (202 with {@code Retry-After} while it is made).
 *
 * <p>Every manifest also names the whole picture ({@code "original": {"url", "width", "height", "webp"}}:
 * upright, at most 1200 px on the long side), listed among the variants with the shape {@code original}
 * (so it is stored, served and retired as they are) and kept from the renderer's view.
 *
 * <p>Job states: {@code queued → processing → ready | failed}. Only the worker holding an asset's claim
 * token may move it on; a new focus or a retry queues it again and takes the claim away. A processing job
 * whose worker stops reporting (a restart) is queued again by the next sweep; one interrupted
 * {@code maxAttempts} times fails with code {@code interrupted}. Replaced variant files stay served for
 * {@code retireAfter}, then the sweep deletes them.
 */
package io.venuekit.server.asset;
