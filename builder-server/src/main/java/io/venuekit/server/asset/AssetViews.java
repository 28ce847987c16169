package io.venuekit.server.asset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.AssetManifest;
import io.venuekit.assets.variant.VariantFormat;
import io.venuekit.assets.variant.VariantRef;

/** An asset as clients see it: its job's state and, once processed, the manifest with a URL per variant. */
final class AssetViews {

    private AssetViews() {}

    static String statusUrl(String id) {
        return "/api/assets/" + id;
    }

    static String variantUrl(String id, String name) {
        return "/assets/" + id + "/" + name;
    }

    static ObjectNode json(StoredAsset asset) {
        ObjectNode json = AssetJson.MAPPER.createObjectNode();
        json.put("id", asset.id());
        json.put("status", asset.status().id());
        json.put("statusUrl", statusUrl(asset.id()));
        json.put("progress", asset.status() == AssetStatus.READY ? 1.0 : asset.progress());
        json.put("stage", asset.stage());
        json.put("phase", asset.phase());
        json.put("attempts", asset.attempts());
        if (asset.failure() != null) {
            json.set("failure", AssetJson.tree(asset.failure()));
        }
        json.put("name", asset.name());
        json.put("bytes", asset.bytes());
        json.put("owner", asset.owner());
        json.set("owners", AssetJson.node(asset.owners()));
        json.put("contentHash", asset.contentHash());
        json.set("focus", asset.requestedFocus() == null ? null : AssetJson.tree(asset.requestedFocus()));
        json.put("createdAt", asset.createdAt());
        json.put("updatedAt", asset.updatedAt());
        json.put("readyAt", asset.readyAt());
        AssetManifest manifest = asset.manifest();
        if (manifest != null) {
            json.set("appliedFocus", manifest.focus() == null ? null : AssetJson.tree(manifest.focus()));
            json.set("source", AssetJson.node(manifest.source()));
            json.set("detections", AssetJson.node(manifest.detections()));
            json.set("crops", AssetJson.node(manifest.crops()));
            ArrayNode variants = json.putArray("variants");
            for (VariantRef ref : manifest.variants()) {
                variants.add(AssetJson.tree(ref).put("url", variantUrl(asset.id(), ref.name())));
            }
            ObjectNode original = original(asset.id(), manifest);
            if (original != null) {
                json.set("original", original);
            }
            json.set("placeholders", AssetJson.node(manifest.placeholders()));
            json.set("notes", AssetJson.node(manifest.notes()));
        }
        return json;
    }

    /**
     * The whole picture, upright, about 1200 px on the long side: {@code {"url", "width", "height", "webp"}}
     * ({@code url} the JPEG, {@code webp} the same picture as WebP when made), or null for a manifest
     * written before these files were made.
     */
    static ObjectNode original(String id, AssetManifest manifest) {
        VariantRef jpeg = null;
        VariantRef webp = null;
        for (VariantRef ref : manifest.original()) {
            if (ref.format() == VariantFormat.WEBP) {
                webp = ref;
            } else {
                jpeg = ref;
            }
        }
        VariantRef main = jpeg != null ? jpeg : webp;
        if (main == null) {
            return null;
        }
        ObjectNode json = AssetJson.MAPPER.createObjectNode();
        json.put("url", variantUrl(id, main.name()));
        json.put("width", main.width());
        json.put("height", main.height());
        json.put("format", main.format().id());
        json.put("bytes", main.bytes());
        if (webp != null && webp != main) {
            json.put("webp", variantUrl(id, webp.name()));
        }
        return json;
    }

    static AssetManifestView view(StoredAsset asset) {
        AssetManifest m = asset.manifest();
        return new AssetManifestView(
                asset.id(),
                asset.status(),
                m.source().width(),
                m.source().height(),
                m.variants().stream()
                        .filter(v -> !AssetManifest.ORIGINAL.equals(v.shape()))
                        .map(v -> new AssetManifestView.VariantView(
                                v.shape(),
                                v.width(),
                                v.height(),
                                v.format().id(),
                                v.bytes(),
                                variantUrl(asset.id(), v.name())))
                        .toList(),
                m.placeholders(),
                m.detections().unavailable());
    }
}
