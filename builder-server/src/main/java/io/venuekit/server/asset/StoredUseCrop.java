package io.venuekit.server.asset;

import io.venuekit.assets.crop.Crop;
import io.venuekit.assets.crop.Focus;
import io.venuekit.assets.variant.Placeholder;
import io.venuekit.assets.variant.VariantRef;
import java.util.List;

/**
 * One document of {@code asset_use_crops}: the files made for one use's own focus. Never changed
 * once written: the same (asset, shape, focus) always names these files, so a published page keeps
 * its crop whatever drafts or the asset-wide focus do later.
 *
 * @param key         {@link UseCrops#key}: asset, shape and focus
 * @param crop        the window, in source pixels, with its reasons
 * @param variants    the files, stored under {@link UseCrops#filesId} (content-addressed names)
 */
public record StoredUseCrop(
        String key,
        String assetId,
        String shape,
        Focus focus,
        Crop crop,
        List<VariantRef> variants,
        Placeholder placeholder,
        String madeAt) {

    public StoredUseCrop {
        variants = List.copyOf(variants);
    }
}
