package io.venuekit.server.asset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.crop.Focus;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.EntityTags;
import io.venuekit.server.http.ErrorResponder;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** HTTP for {@code /api/assets} and the variant files under {@code /assets}: parses, calls {@link AssetService}, answers. */
public final class AssetHandler {

    private static final Pattern VARIANT_NAME = Pattern.compile("([0-9a-f]{8,64})\\.(jpg|webp)");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final AssetService assets;
    private final long maxUploadBytes;
    private final LiveUses liveUses;

    public AssetHandler(AssetService assets, long maxUploadBytes) {
        this(assets, maxUploadBytes, LiveUses.NONE);
    }

    /** @param liveUses finds the live pages an asset-wide focus changes, for the builder to warn of */
    public AssetHandler(AssetService assets, long maxUploadBytes, LiveUses liveUses) {
        this.assets = assets;
        this.maxUploadBytes = maxUploadBytes;
        this.liveUses = liveUses;
    }

    public AssetService service() {
        return assets;
    }

    /** Multipart with the image in field {@code file} (and an optional {@code owner}), or a raw {@code image/*} body. */
    public void upload(RoutingContext ctx) {
        List<FileUpload> uploads = ctx.fileUploads();
        String owner = ctx.request().getFormAttribute("owner");
        String merchant = Requests.merchant(ctx);
        // an operator may upload for a merchant; a merchant only for themselves
        String uploader = merchant != null || owner == null || owner.isBlank() ? Requests.actor(ctx) : owner.trim();
        if (uploads.size() > 1) {
            throw ApiException.badRequest(
                    "one-file", "Upload one image per request; this one has " + uploads.size() + " files.");
        }
        Path file = uploads.isEmpty() ? null : Path.of(uploads.get(0).uploadedFileName());
        byte[] raw = file == null ? rawImage(ctx) : null;
        String name = uploads.isEmpty() ? null : fileName(uploads.get(0).fileName());
        Requests.blocking(ctx, () -> {
                    AssetService.Upload upload =
                            assets.upload(raw != null ? raw : Files.readAllBytes(file), uploader, name);
                    StoredAsset asset = upload.asset();
                    boolean done = asset.status() == AssetStatus.READY || asset.status() == AssetStatus.FAILED;
                    return new Answer(upload.created() || !done ? 202 : 200, AssetViews.json(asset));
                })
                .onSuccess(answer -> {
                    ctx.response()
                            .putHeader(
                                    "Location", answer.body().path("statusUrl").asText());
                    Json.send(ctx, answer.status(), answer.body());
                })
                .onFailure(e -> fail(ctx, e));
    }

    /** A body over the upload limit: the merchant's message instead of the JSON API's. */
    public void uploadFailed(RoutingContext ctx) {
        if (ctx.failure() == null && ctx.statusCode() == 413) {
            ErrorResponder.send(
                    ctx,
                    new ApiException(
                            413,
                            "too-large",
                            "The file is larger than the upload limit of " + size(maxUploadBytes)
                                    + ". Export it smaller (for example as a JPEG at quality 85) and upload again."));
            return;
        }
        ctx.next();
    }

    public void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String merchant = Requests.merchant(ctx);
        Requests.blocking(ctx, () -> AssetViews.json(visible(id, merchant)))
                .onSuccess(asset -> Json.send(ctx, 200, asset))
                .onFailure(ctx::fail);
    }

    /**
     * A library page: {@code ?q=} (in the file name, any case), {@code ?cursor=} (the last answer's
     * {@code next}), {@code ?limit=}, {@code ?owner=} (operators; a merchant sees their own). Newest first.
     */
    public void list(RoutingContext ctx) {
        String merchant = Requests.merchant(ctx);
        String owner = merchant != null ? merchant : ctx.request().getParam("owner");
        int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
        String q = boundedParam(ctx, "q", 200);
        String cursor = boundedParam(ctx, "cursor", 100);
        Requests.blocking(ctx, () -> {
                    AssetRepository.Listing page = assets.page(
                            owner == null || owner.isBlank() ? null : owner,
                            q,
                            cursor == null || cursor.isBlank() ? null : cursor,
                            limit);
                    ObjectNode body = Json.MAPPER.createObjectNode();
                    ArrayNode array = body.putArray("assets");
                    page.assets().forEach(a -> array.add(AssetViews.json(a)));
                    body.put("next", page.next());
                    body.put("q", q);
                    return body;
                })
                .onSuccess(body -> Json.send(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    /**
     * The asset-wide focus: re-crops at once, live pages included (a use with its own focus is not
     * affected). The answer lists the live pages it changes, as {@link #uses} does before.
     */
    public void focus(RoutingContext ctx) {
        Focus focus = FocusRequest.parse(Json.readObject(ctx));
        String id = ctx.pathParam("id");
        String merchant = Requests.merchant(ctx);
        Requests.blocking(ctx, () -> {
                    ObjectNode asset =
                            AssetViews.json(assets.focus(visible(id, merchant).id(), focus));
                    asset.set("livePagesChanged", LiveUses.json(liveUses.of(id)));
                    return asset;
                })
                .onSuccess(asset -> accepted(ctx, asset))
                .onFailure(e -> fail(ctx, e));
    }

    /**
     * Takes the asset-wide focus away (the crops follow the detections again), at once for live pages as
     * {@link #focus} is: 202 with the live pages it changes, or 200 and an empty list when there was none.
     */
    public void clearFocus(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String merchant = Requests.merchant(ctx);
        Requests.blocking(ctx, () -> {
                    AssetService.ClearedFocus cleared =
                            assets.clearFocus(visible(id, merchant).id());
                    ObjectNode asset = AssetViews.json(cleared.asset());
                    asset.set("livePagesChanged", LiveUses.json(cleared.changed() ? liveUses.of(id) : List.of()));
                    return new Answer(cleared.changed() ? 202 : 200, asset);
                })
                .onSuccess(answer -> {
                    ctx.response()
                            .putHeader(
                                    "Location", answer.body().path("statusUrl").asText());
                    Json.send(ctx, answer.status(), answer.body());
                })
                .onFailure(e -> fail(ctx, e));
    }

    /** The live pages an asset-wide focus would change now: {@code {"pages": [{pageId, slug, title, version, components}]}} (the library screen reads {@code pages}). */
    public void uses(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String merchant = Requests.merchant(ctx);
        Requests.blocking(ctx, () -> {
                    visible(id, merchant);
                    ObjectNode body = Json.MAPPER.createObjectNode();
                    body.set("pages", LiveUses.json(liveUses.of(id)));
                    return body;
                })
                .onSuccess(body -> Json.send(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    public void retry(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String merchant = Requests.merchant(ctx);
        Requests.blocking(
                        ctx,
                        () -> AssetViews.json(assets.retry(visible(id, merchant).id())))
                .onSuccess(asset -> accepted(ctx, asset))
                .onFailure(e -> fail(ctx, e));
    }

    /** The asset, when the caller may see it: a merchant sees only what they uploaded (others' are as if missing). */
    private StoredAsset visible(String id, String merchant) {
        return visible(assets, id, merchant);
    }

    static StoredAsset visible(AssetService assets, String id, String merchant) {
        StoredAsset asset = assets.get(id);
        if (merchant != null && !asset.owners().contains(merchant)) {
            throw new ApiException(404, "not-found", "You have no asset " + id + "; GET /api/assets lists yours.");
        }
        return asset;
    }

    /** A variant file: immutable (its name is its content hash), so a matching {@code If-None-Match} is enough for 304. */
    public void variant(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("variant");
        var matcher = VARIANT_NAME.matcher(name);
        if (!matcher.matches()) {
            throw new ApiException(
                    404,
                    "not-found",
                    "There is no variant " + name + " of asset " + id
                            + "; variant names come from the asset's manifest.");
        }
        String etag = "\"" + matcher.group(1) + "\"";
        String type = matcher.group(2).equals("jpg") ? "image/jpeg" : "image/webp";
        if (EntityTags.noneMatchHits(ctx.request().getHeader("If-None-Match"), etag)) {
            ctx.response()
                    .setStatusCode(304)
                    .putHeader("ETag", etag)
                    .putHeader("Cache-Control", IMMUTABLE)
                    .end();
            return;
        }
        Requests.blocking(ctx, () -> assets.variant(id, name))
                .onSuccess(bytes -> {
                    if (bytes.isEmpty()) {
                        ctx.fail(new ApiException(
                                404,
                                "not-found",
                                "There is no variant " + name + " of asset " + id
                                        + "; variant names come from the asset's manifest."));
                        return;
                    }
                    ctx.response()
                            .setStatusCode(200)
                            .putHeader("Content-Type", type)
                            .putHeader("Cache-Control", IMMUTABLE)
                            .putHeader("ETag", etag);
                    if (ctx.request().method() == HttpMethod.HEAD) {
                        ctx.response()
                                .putHeader("Content-Length", Integer.toString(bytes.get().length))
                                .end();
                    } else {
                        ctx.response().end(Buffer.buffer(bytes.get()));
                    }
                })
                .onFailure(ctx::fail);
    }

    private static void accepted(RoutingContext ctx, ObjectNode asset) {
        ctx.response().putHeader("Location", asset.path("statusUrl").asText());
        Json.send(ctx, 202, asset);
    }

    private record Answer(int status, ObjectNode body) {}

    static void fail(RoutingContext ctx, Throwable e) {
        if (e instanceof AssetService.BusyException busy) {
            ctx.response().putHeader("Retry-After", Integer.toString(busy.retryAfterSeconds()));
        }
        ctx.fail(e);
    }

    private static byte[] rawImage(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (type != null
                && (type.startsWith("image/") || type.startsWith("application/octet-stream"))
                && body != null
                && body.length() > 0) {
            return body.getBytes();
        }
        throw ApiException.badRequest(
                "missing-file",
                "Send the image as a multipart/form-data field named \"file\" "
                        + "(or as the raw body with an image Content-Type).");
    }

    private static String boundedParam(RoutingContext ctx, String name, int max) {
        String value = ctx.request().getParam(name);
        if (value != null && value.length() > max) {
            throw ApiException.badRequest(
                    "too-long", "?" + name + " is " + value.length() + " characters; at most " + max + ".");
        }
        return value;
    }

    /** The name part of a client's file name, without control characters, at most 200 characters; null when none is left. */
    static String fileName(String sent) {
        if (sent == null) {
            return null;
        }
        String base = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return base.isEmpty() ? null : base;
    }

    /** "25 MB", "2.5 MB", "200 KB". */
    static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        if (mb >= 10) {
            return String.format(java.util.Locale.ROOT, "%.0f MB", mb);
        }
        return mb >= 1 ? String.format(java.util.Locale.ROOT, "%.1f MB", mb) : Math.max(1, bytes / 1024) + " KB";
    }
}
