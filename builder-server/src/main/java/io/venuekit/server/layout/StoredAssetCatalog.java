package io.venuekit.server.layout;

import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.renderer.image.AssetVariant;
import io.venuekit.renderer.image.AssetView;
import io.venuekit.server.asset.AssetManifestView;
import io.venuekit.server.asset.AssetService;

import java.util.Optional;

/** The renderer's view of the stored assets: the variants being served and one placeholder. */
public final class StoredAssetCatalog implements AssetCatalog {

    private final AssetService assets;

    public StoredAssetCatalog(AssetService assets) {
        this.assets = assets;
    }

    @Override
    public Optional<AssetView> find(String assetId) {
        return assets.find(assetId).filter(view -> !view.variants().isEmpty()).map(StoredAssetCatalog::view);
    }

    private static AssetView view(AssetManifestView asset) {
        var placeholder = asset.placeholder();
        return new AssetView(placeholder == null ? null : placeholder.colour(), placeholder == null ? null : placeholder.preview(),
                asset.variants().stream()
                        .map(v -> new AssetVariant(v.shape(), v.width(), v.height(), v.format(), v.bytes(), v.url()))
                        .toList());
    }
}
