package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.Tier;
import io.venuekit.device.TierResolver;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.RenderException;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.html.HtmlRenderer;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.renderer.live.DataSourceException;
import io.venuekit.renderer.live.LiveData;
import io.venuekit.renderer.live.LiveResolver;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.layout.RenderedCache.Rendered;
import io.venuekit.server.page.PageService;
import java.time.Clock;
import java.util.Collection;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

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
    private final ToLongFunction<Collection<String>> assetVersion;
    private final AssetReferences assetReferences = new AssetReferences();
    private final HtmlRenderer html;
    private volatile CursorSnapshots cursors;
    private volatile PageService drafts;
    private volatile UnaryOperator<ObjectNode> pinner;
    private volatile Clock clock = Clock.systemUTC();
    private volatile LiveResolver liveData;
    private volatile String liveCacheControl;

    /**
     * @param assetVersion moves on whenever the served variants of one of the given assets change, so
     *                   layouts rendered while an image was still processing, or naming replaced
     *                   variants, are rendered again rather than cached forever
     * @param html       renders a layout to an H5 page
     */
    public LayoutService(
            LayoutRenderer renderer,
            TierResolver tiers,
            PublishedPages pages,
            AssetCatalog catalog,
            RenderedCache cache,
            ToLongFunction<Collection<String>> assetVersion,
            HtmlRenderer html) {
        this.renderer = renderer;
        this.tiers = tiers;
        this.pages = pages;
        this.catalog = catalog;
        this.cache = cache;
        this.assetVersion = assetVersion;
        this.html = html;
    }

    /** Serves cursors cut from a replaced snapshot from that snapshot (without: every such cursor is refused). */
    public LayoutService withCursorSnapshots(CursorSnapshots cursors) {
        this.cursors = cursors;
        return this;
    }

    /**
     * Lets {@link #previewDraft} and {@link #previewDocument} build snapshots of drafts and unsaved
     * documents, with {@code pinner} fixing each image reference to the asset's current variants.
     */
    public LayoutService withPreviews(PageService drafts, UnaryOperator<ObjectNode> pinner, Clock clock) {
        this.drafts = drafts;
        this.pinner = pinner;
        this.clock = clock;
        return this;
    }

    /**
     * Fills H5 pages without script (the low tier's) with the live data of this moment, as the live script
     * does on the other tiers: else a low-end phone would show the published prices until the next
     * publication. Such a page is cached here per live-data snapshot, and elsewhere for as long as the
     * live data itself ({@link #liveCacheControl}).
     */
    public LayoutService withLiveData(LiveResolver resolver) {
        this.liveData = resolver;
        this.liveCacheControl = "public, max-age=" + resolver.maxAgeSeconds();
        return this;
    }

    /** {@code Cache-Control} of a page filled with live data: as fresh as the live data's own response. */
    public String liveCacheControl() {
        return liveCacheControl;
    }

    public LayoutRenderer renderer() {
        return renderer;
    }

    /** What one request asks for. */
    public record Ask(
            String slug,
            DeviceRequest device,
            ClientCapabilities caps,
            RenderRequest request,
            String cursor,
            boolean asHtml) {}

    /**
     * The answer, and the profile it was rendered for (its reasons go into a response header).
     *
     * @param variants the experiments' variants the user was assigned ({@code X-Venuekit-Variants}),
     *                 or null when the page has no experiment and the bytes depend on no user
     */
    public record Served(Rendered rendered, DeviceProfile profile, String variants) {}

    public DeviceProfile profile(DeviceRequest request) {
        return tiers.resolve(request);
    }

    /** The answer from memory alone, or null when the snapshot or the layout is not in memory. */
    public Served cached(Ask ask, DeviceProfile profile) {
        JsonNode live = pages.cached(ask.slug());
        JsonNode snapshot = live == null || cursors == null ? live : cursors.inMemory(live, ask.cursor());
        if (snapshot == null) {
            return null;
        }
        renderer.checkLive(snapshot, ask.request());
        DeviceProfile normalised = ProfileNormaliser.normalise(profile);
        String key = key(snapshot, normalised, ask);
        boolean fills = fillsLiveData(normalised, ask);
        if (fills) {
            LiveData now = liveData.cached(snapshot);
            if (now == null) {
                return null;
            }
            key = key + "/live" + now.etag();
        }
        Rendered hit = cache.get(key);
        return hit == null ? null : new Served(hit, profile, renderer.variants(snapshot, ask.request()));
    }

    /** The answer, rendering and loading as needed. Blocking. */
    public Served serve(Ask ask, DeviceProfile profile) {
        JsonNode live = pages.find(ask.slug())
                .orElseThrow(() ->
                        new ApiException(404, "not-found", "No published venue is called \"" + ask.slug() + "\"."));
        // a cursor keeps its own snapshot for a day after a republish replaced it
        JsonNode snapshot = cursors == null ? live : cursors.forCursor(live, ask.cursor());
        renderer.checkLive(snapshot, ask.request());
        DeviceProfile normalised = ProfileNormaliser.normalise(profile);
        boolean fills = fillsLiveData(normalised, ask);
        LiveData now = fills ? liveDataOrNull(snapshot) : null;
        String key = key(snapshot, normalised, ask)
                + (!fills ? "" : now == null ? "/live-unavailable" : "/live" + now.etag());
        Rendered rendered = cache.computeIfAbsent(key, () -> {
            Layout layout = ask.cursor() == null
                    ? renderer.render(snapshot, normalised, ask.caps(), catalog, ask.request())
                    : renderer.page(snapshot, normalised, ask.caps(), catalog, ask.request(), ask.cursor());
            // An image still processing (maybe on another instance, whose epoch we never see)
            // renders as a placeholder: serve that, but render again next time instead of keeping it;
            // the same for a page whose live data could not be read.
            boolean complete = layout.payload().path("warnings").isEmpty();
            if (!ask.asHtml()) {
                return new RenderedCache.Fresh(layout.bytes(), complete);
            }
            if (!fills || !bindsData(layout.payload().path("components"))) {
                return new RenderedCache.Fresh(html.renderBytes(layout), complete);
            }
            return new RenderedCache.Fresh(
                    html.renderBytesWithLiveData(layout, now == null ? null : now.payload()),
                    complete && now != null,
                    true);
        });
        return new Served(rendered, profile, renderer.variants(snapshot, ask.request()));
    }

    /** Whether a component of this page shows bound data (the first page of a long one may have none). */
    private static boolean bindsData(JsonNode components) {
        for (JsonNode c : components) {
            if (!c.path("data").isEmpty() || bindsData(c.path("children"))) {
                return true;
            }
        }
        return false;
    }

    private boolean fillsLiveData(DeviceProfile normalised, Ask ask) {
        return liveData != null && ask.asHtml() && normalised.tier() == Tier.LOW;
    }

    /** Null when a source fails with nothing young enough to fall back on: the page then shows no prices. */
    private LiveData liveDataOrNull(JsonNode snapshot) {
        try {
            return liveData.resolve(snapshot);
        } catch (DataSourceException e) {
            return null;
        }
    }

    /** The saved draft of page {@code id} as a phone with {@code profile} would get it once published. Blocking. */
    public Layout previewDraft(String id, DeviceProfile profile, ClientCapabilities caps, String cursor) {
        return preview(previewDraftSnapshot(id), profile, caps, cursor);
    }

    /**
     * The saved draft of page {@code id} (its version in {@code number}), ready to be previewed once
     * per tier with {@link #preview}. Blocking.
     */
    public ObjectNode previewDraftSnapshot(String id) {
        ObjectNode draft = drafts.get(id);
        ObjectNode snapshot = pinner.apply(draft.deepCopy());
        snapshot.put("pageId", id);
        snapshot.put("number", draft.path("version").asInt());
        return snapshot;
    }

    /**
     * An unsaved page document, checked as a save checks it, ready to be previewed once per tier
     * with {@link #preview} (each call takes a copy). Blocking.
     */
    public ObjectNode previewDocument(ObjectNode body) {
        ObjectNode snapshot = drafts.previewable(body);
        snapshot.put("pageId", body.path("id").isTextual() ? body.path("id").asText() : "preview");
        snapshot.put(
                "number",
                body.path("version").canConvertToInt() ? body.path("version").asInt() : 0);
        return snapshot;
    }

    /** A snapshot rendered now for {@code profile}, whatever its schedule and targeting say. */
    public Layout preview(ObjectNode snapshot, DeviceProfile profile, ClientCapabilities caps, String cursor) {
        ObjectNode own = snapshot.deepCopy();
        own.remove("schedule");
        own.remove("targeting");
        try {
            DeviceProfile normalised = ProfileNormaliser.normalise(profile);
            RenderRequest request = RenderRequest.at(clock.instant());
            return cursor == null
                    ? renderer.render(own, normalised, caps, catalog, request)
                    : renderer.page(own, normalised, caps, catalog, request, cursor);
        } catch (RenderException e) {
            throw LayoutHandler.translate(e);
        }
    }

    private String key(JsonNode snapshot, DeviceProfile normalised, Ask ask) {
        return renderer.cacheKey(snapshot, normalised, ask.caps(), ask.request(), ask.cursor())
                + "/assets" + assetVersion.applyAsLong(assetReferences.of(snapshot))
                + (ask.asHtml() ? "/html" : "/json");
    }
}
