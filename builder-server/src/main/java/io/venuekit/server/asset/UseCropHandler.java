package io.venuekit.server.asset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.variant.VariantRef;
import io.venuekit.faults.Fault;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/assets/{id}/crops/{shape}?x=&y=[&w=&h=]}: the crop one use with that focus gets, as the
 * server plans it ({@link UseCrops}: made on first request, stored, shared by every use with the same
 * asset, shape and focus), for the image field to show instead of an estimate. Without {@code x} and
 * {@code y}, the asset-wide crop of that shape. Visible to whoever may see the asset (a merchant: their own).
 */
public final class UseCropHandler {

    private final AssetService assets;

    public UseCropHandler(AssetService assets) {
        this.assets = assets;
    }

    /**
     * 200 {@code {asset, shape, focus, status: "ready", crop, variants, placeholder}}; 202 with
     * {@code status: "pending"}, the reason and {@code Retry-After} while the crop is being made.
     */
    public void crop(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String shape = shape(ctx.pathParam("shape"));
        Focus focus = focus(ctx);
        String merchant = Requests.merchant(ctx);
        Requests.blocking(ctx, () -> answer(AssetHandler.visible(assets, id, merchant), shape, focus))
                .onSuccess(body -> {
                    boolean pending = "pending".equals(body.path("status").asText());
                    if (pending) {
                        ctx.response().putHeader("Retry-After", "1");
                    }
                    ctx.response().putHeader("Cache-Control", "no-store");
                    Json.send(ctx, pending ? 202 : 200, body);
                })
                .onFailure(ctx::fail);
    }

    private ObjectNode answer(StoredAsset asset, String shape, Focus focus) {
        AssetManifest manifest = asset.manifest();
        if (manifest == null) {
            throw new ApiException(
                    409,
                    "not-ready",
                    "Asset " + asset.id() + " is " + asset.status().id()
                            + ": it has no crops yet. Ask again when its status is ready.");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("asset", asset.id());
        body.put("shape", shape);
        body.set("focus", focus == null ? null : AssetJson.tree(focus));
        if (focus == null) {
            Crop crop = manifest.crops().stream()
                    .filter(c -> c.aspect().equals(shape))
                    .findFirst()
                    .orElse(null);
            body.put("status", "ready");
            body.set("crop", crop == null ? null : AssetJson.tree(crop));
            ArrayNode files = body.putArray("variants");
            for (VariantRef ref : manifest.variants()) {
                if (ref.shape().equals(shape)) {
                    files.add(AssetJson.tree(ref).put("url", AssetViews.variantUrl(asset.id(), ref.name())));
                }
            }
            var placeholder = manifest.placeholders().get(shape);
            body.set("placeholder", placeholder == null ? null : AssetJson.tree(placeholder));
            return body;
        }
        UseCrops.Lookup use = assets.useCrop(asset.id(), shape, focus);
        body.put("status", use.ready() ? "ready" : "pending");
        if (!use.ready()) {
            body.put("pending", use.pending());
            return body;
        }
        body.set("crop", AssetJson.tree(use.crop()));
        body.set("variants", AssetJson.node(use.variants()));
        body.set("placeholder", use.placeholder() == null ? null : AssetJson.tree(use.placeholder()));
        return body;
    }

    /** "2:1" (or "2x1"), one of the shapes the pipeline crops to; else 400 naming them. */
    private String shape(String sent) {
        String shape =
                sent == null ? "" : sent.replace('x', ':').replace('X', ':').strip();
        List<String> shapes = assets.shapes();
        if (!shapes.contains(shape)) {
            throw new ApiException(
                    400,
                    "unknown-shape",
                    "There is no crop shape \"" + (sent == null ? "" : sent) + "\"; the shapes are "
                            + String.join(", ", shapes) + ".",
                    List.of(Fault.error("/shape", "unknown-shape", "must be one of " + String.join(", ", shapes))),
                    null);
        }
        return shape;
    }

    /** {@code ?x=&y=[&w=&h=]} as the focus body reads them (every fault at once), or null when neither x nor y is sent. */
    private static Focus focus(RoutingContext ctx) {
        ObjectNode sent = Json.MAPPER.createObjectNode();
        for (String name : List.of("x", "y", "w", "h")) {
            String value = ctx.request().getParam(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (value.length() > 32) {
                sent.put(name, value.substring(0, 32) + "…");
                continue;
            }
            try {
                sent.put(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                sent.put(name, value);
            }
        }
        if (sent.isEmpty()) {
            return null;
        }
        return FocusRequest.parse(sent);
    }
}
