package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.TierResolver;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.layout.RenderedCache.Rendered;

import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Serves published layouts: resolves the device, finds the slug's live snapshot, and answers
 * from the rendered cache, rendering on a miss. {@link #cached} is the lock-free path the event
 * loop tries first; {@link #serve} may touch the database.
 */
public final class LayoutService {

    private final LayoutRenderer renderer;
    private final TierResolver tiers;
    private final PublishedPages pages;
    private final AssetCatalog catalog;
    private final RenderedCache cache;
    private final LongSupplier assetEpoch;
    private final Function<Layout, byte[]> html;

    /**
     * @param assetEpoch changes whenever an asset becomes ready, so layouts rendered while an
     *                   image was still processing are rendered again rather than cached forever
     * @param html       renders a layout to an H5 page
     */
    public LayoutService(LayoutRenderer renderer, TierResolver tiers, PublishedPages pages, AssetCatalog catalog,
                         RenderedCache cache, LongSupplier assetEpoch, Function<Layout, byte[]> html) {
        this.renderer = renderer;
        this.tiers = tiers;
        this.pages = pages;
        this.catalog = catalog;
        this.cache = cache;
        this.assetEpoch = assetEpoch;
        this.html = html;
    }

    public LayoutRenderer renderer() {
        return renderer;
    }

    /** What one request asks for. */
    public record Ask(String slug, DeviceRequest device, ClientCapabilities caps, RenderRequest request, String cursor,
                      boolean asHtml) {
    }

    /** The answer, and the profile it was rendered for (its reasons go into a response header). */
    public record Served(Rendered rendered, DeviceProfile profile) {
    }

    public DeviceProfile profile(DeviceRequest request) {
        return tiers.resolve(request);
    }

    /** The answer from memory alone, or null when the snapshot or the layout is not in memory. */
    public Served cached(Ask ask, DeviceProfile profile) {
        JsonNode snapshot = pages.cached(ask.slug());
        if (snapshot == null) {
            return null;
        }
        renderer.checkLive(snapshot, ask.request());
        Rendered hit = cache.get(key(snapshot, ProfileNormaliser.normalise(profile), ask));
        return hit == null ? null : new Served(hit, profile);
    }

    /** The answer, rendering and loading as needed. Blocking. */
    public Served serve(Ask ask, DeviceProfile profile) {
        JsonNode snapshot = pages.find(ask.slug()).orElseThrow(() -> new ApiException(404, "not-found",
                "No published venue is called \"" + ask.slug() + "\"."));
        renderer.checkLive(snapshot, ask.request());
        DeviceProfile normalised = ProfileNormaliser.normalise(profile);
        Rendered rendered = cache.computeIfAbsent(key(snapshot, normalised, ask), () -> {
            Layout layout = ask.cursor() == null
                    ? renderer.render(snapshot, normalised, ask.caps(), catalog, ask.request())
                    : renderer.page(snapshot, normalised, ask.caps(), catalog, ask.request(), ask.cursor());
            // An image still processing (maybe on another instance, whose epoch we never see)
            // renders as a placeholder: serve that, but render again next time instead of keeping it.
            boolean complete = layout.payload().path("warnings").isEmpty();
            return new RenderedCache.Fresh(ask.asHtml() ? html.apply(layout) : layout.bytes(), complete);
        });
        return new Served(rendered, profile);
    }

    private String key(JsonNode snapshot, DeviceProfile normalised, Ask ask) {
        return renderer.cacheKey(snapshot, normalised, ask.caps(), ask.request(), ask.cursor())
                + "/" + String.join(",", normalised.reasons())
                + "/assets" + assetEpoch.getAsLong()
                + (ask.asHtml() ? "/html" : "/json");
    }
}
