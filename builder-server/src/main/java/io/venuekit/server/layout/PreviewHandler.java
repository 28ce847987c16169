package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.RenderException;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Requests;
import io.venuekit.server.page.PageService;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/pages/{id}/preview?tier=low[&format=html][&cursor=…]}: the draft as a phone of
 * that tier would get it once published. Never cached, and shown whatever its schedule says.
 * HTML when asked for with {@code format=html}, or by a browser navigating (its {@code Accept}
 * starts with {@code text/html}), so the preview's own "Show more" link stays a preview.
 */
public final class PreviewHandler {

    private final PageService pages;
    private final LayoutService layouts;
    private final UnaryOperator<ObjectNode> pinner;
    private final AssetCatalog catalog;
    private final Function<Layout, byte[]> html;
    private final Clock clock;

    public PreviewHandler(PageService pages, LayoutService layouts, UnaryOperator<ObjectNode> pinner,
                          AssetCatalog catalog, Function<Layout, byte[]> html, Clock clock) {
        this.pages = pages;
        this.layouts = layouts;
        this.pinner = pinner;
        this.catalog = catalog;
        this.html = html;
        this.clock = clock;
    }

    public void preview(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String tier = ctx.request().getParam("tier");
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("Accept");
        boolean asHtml = "html".equals(format) || format == null && accept != null && accept.startsWith("text/html");
        String cursor = ctx.request().getParam("cursor");
        DeviceProfile profile = layouts.profile(DeviceHeaders.of(ctx.request(), tier));
        ClientCapabilities caps = ClientCapabilities.DEFAULT.withAccept(ctx.request().getHeader("Accept"));
        Requests.blocking(ctx, () -> {
            ObjectNode draft = pages.get(id);
            ObjectNode snapshot = pinner.apply(draft.deepCopy());
            snapshot.put("pageId", id);
            snapshot.put("number", draft.path("version").asInt());
            snapshot.remove("schedule");
            snapshot.remove("targeting");
            try {
                DeviceProfile normalised = ProfileNormaliser.normalise(profile);
                RenderRequest request = RenderRequest.at(clock.instant());
                Layout layout = cursor == null
                        ? layouts.renderer().render(snapshot, normalised, caps, catalog, request)
                        : layouts.renderer().page(snapshot, normalised, caps, catalog, request, cursor);
                return asHtml ? html.apply(layout) : layout.bytes();
            } catch (RenderException e) {
                throw LayoutHandler.translate(e);
            }
        }).onSuccess(bytes -> ctx.response()
                .putHeader("Content-Type", asHtml ? "text/html; charset=utf-8" : "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Device-Tier", profile.tier().id())
                .end(Buffer.buffer(bytes)))
                .onFailure(ctx::fail);
    }

    /** {@code GET /v1/schema/layout.json}: the published JSON Schema of the payload. */
    public static void schema(RoutingContext ctx, byte[] schema) {
        if (schema == null) {
            throw new ApiException(404, "not-found", "The layout schema is not bundled with this build.");
        }
        ctx.response().putHeader("Content-Type", "application/schema+json")
                .putHeader("Cache-Control", "public, max-age=3600")
                .end(Buffer.buffer(schema));
    }
}
