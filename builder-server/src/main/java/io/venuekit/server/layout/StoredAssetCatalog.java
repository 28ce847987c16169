package io.venuekit.server.layout;

import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.renderer.image.AssetVariant;
import io.venuekit.renderer.image.AssetView;
import io.venuekit.renderer.image.ImageFocus;
import io.venuekit.server.asset.AssetManifestView;
import io.venuekit.server.asset.AssetService;
import io.venuekit.server.asset.UseCrops;
import io.venuekit.server.db.Database;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The renderer's view of the stored assets: the variants being served and one placeholder; for a
 * use with its own focus, the files cropped for that focus ({@link UseCrops}). While the database
 * is unreachable, the views last seen here (kept in the {@link LocalSnapshot}) answer instead, and a
 * use's own crop not yet known falls back to the asset-wide one.
 */
public final class StoredAssetCatalog implements AssetCatalog {

    private final AssetService assets;
    private final LocalSnapshot local;
    private final BooleanSupplier reachable;

    public StoredAssetCatalog(AssetService assets) {
        this(assets, LocalSnapshot.none(), () -> true);
    }

    public StoredAssetCatalog(AssetService assets, LocalSnapshot local, BooleanSupplier reachable) {
        this.assets = assets;
        this.local = local;
        this.reachable = reachable;
    }

    @Override
    public Optional<AssetView> find(String assetId) {
        if (!reachable.getAsBoolean()) {
            return local.asset(assetId);
        }
        try {
            Optional<AssetView> found = assets.find(assetId)
                    .filter(view -> !view.variants().isEmpty())
                    .map(StoredAssetCatalog::view);
            found.ifPresent(view -> local.putAsset(assetId, view));
            return found;
        } catch (RuntimeException e) {
            if (Database.unavailable(e)) {
                return local.asset(assetId);
            }
            throw e;
        }
    }

    /** A use with its own focus: the crop made for it, or the asset-wide one with the reason while it is made. */
    @Override
    public Focused findFocused(String assetId, String shape, ImageFocus focus) {
        Optional<AssetView> wide = find(assetId);
        if (wide.isEmpty()) {
            return new Focused(wide, null);
        }
        if (!reachable.getAsBoolean()) {
            return new Focused(wide, null);
        }
        Focus f = focus.hasRegion()
                ? new Focus(focus.x(), focus.y(), focus.w(), focus.h())
                : Focus.point(focus.x(), focus.y());
        UseCrops.Lookup use;
        try {
            use = assets.useCrop(assetId, shape, f);
        } catch (RuntimeException e) {
            if (Database.unavailable(e)) {
                return new Focused(wide, null);
            }
            throw e;
        }
        if (!use.ready()) {
            return new Focused(wide, use.pending());
        }
        return new Focused(Optional.of(view(use.placeholder(), use.variants())), null);
    }

    private static AssetView view(AssetManifestView asset) {
        return view(asset.placeholder(), asset.variants());
    }

    private static AssetView view(Placeholder placeholder, List<AssetManifestView.VariantView> variants) {
        return new AssetView(
                placeholder == null ? null : placeholder.colour(),
                placeholder == null ? null : placeholder.preview(),
                variants.stream()
                        .map(v -> new AssetVariant(v.shape(), v.width(), v.height(), v.format(), v.bytes(), v.url()))
                        .toList());
    }
}
