package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.RenderException;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Headers;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.venuekit.server.http.SecurityHeaders;
import io.venuekit.server.page.PageService;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
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
    private final String htmlPolicy;

    /** @param htmlPolicy the content security policy of a preview's HTML (a sandbox of its own) */
    public PreviewHandler(PageService pages, LayoutService layouts, UnaryOperator<ObjectNode> pinner,
                          AssetCatalog catalog, Function<Layout, byte[]> html, Clock clock, String htmlPolicy) {
        this.pages = pages;
        this.layouts = layouts;
        this.pinner = pinner;
        this.catalog = catalog;
        this.html = html;
        this.clock = clock;
        this.htmlPolicy = htmlPolicy;
    }

    /** The format asked for: HTML, JSON, or both in one JSON answer (the builder's budget line wants both sizes). */
    private enum Format { JSON, HTML, BOTH }

    private static Format format(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("Accept");
        if (format == null) {
            return accept != null && accept.startsWith("text/html") ? Format.HTML : Format.JSON;
        }
        return switch (format) {
            case "html" -> Format.HTML;
            case "json" -> Format.JSON;
            case "both" -> Format.BOTH;
            default -> throw new ApiException(400, "bad-format", "format must be json, html or both, got \""
                    + Headers.printable(format) + "\".", List.of(ApiException.Fault.of("", "enum", "format: json, html or both")), null);
        };
    }

    /** {@code ?tier=}: one of the tiers, or none (the device's own headers decide). */
    static String tier(RoutingContext ctx) {
        String tier = ctx.request().getParam("tier");
        if (tier == null) {
            return null;
        }
        for (Tier t : Tier.values()) {
            if (t.id().equals(tier)) {
                return tier;
            }
        }
        throw new ApiException(400, "bad-tier", "tier must be one of high, mid, low; got \"" + Headers.printable(tier) + "\".");
    }

    /**
     * {@code POST /api/preview?tier=low[&format=html|both]} with an unsaved page document: what that
     * tier would get were it published now, so the builder's previews follow every edit before a save.
     */
    public void previewDocument(RoutingContext ctx) {
        ObjectNode body = Json.readObject(ctx);
        String tier = tier(ctx);
        Format format = format(ctx);
        DeviceProfile profile = layouts.profile(DeviceHeaders.of(ctx.request(), tier));
        ClientCapabilities caps = ClientCapabilities.DEFAULT.withAccept(ctx.request().getHeader("Accept"));
        Requests.blocking(ctx, () -> {
            ObjectNode snapshot = pages.previewable(body);
            snapshot.put("pageId", body.path("id").isTextual() ? body.path("id").asText() : "preview");
            snapshot.put("number", body.path("version").canConvertToInt() ? body.path("version").asInt() : 0);
            return render(snapshot, profile, caps, null, format);
        }).onSuccess(bytes -> answer(ctx, profile, format, bytes)).onFailure(ctx::fail);
    }

    private byte[] render(ObjectNode snapshot, DeviceProfile profile, ClientCapabilities caps, String cursor, Format format) {
        snapshot.remove("schedule");
        snapshot.remove("targeting");
        try {
            DeviceProfile normalised = ProfileNormaliser.normalise(profile);
            RenderRequest request = RenderRequest.at(clock.instant());
            Layout layout = cursor == null
                    ? layouts.renderer().render(snapshot, normalised, caps, catalog, request)
                    : layouts.renderer().page(snapshot, normalised, caps, catalog, request, cursor);
            return switch (format) {
                case HTML -> html.apply(layout);
                case JSON -> layout.bytes();
                case BOTH -> {
                    ObjectNode both = Json.MAPPER.createObjectNode();
                    both.set("layout", Json.MAPPER.readTree(layout.bytes()));
                    both.put("html", new String(html.apply(layout), StandardCharsets.UTF_8));
                    yield Json.MAPPER.writeValueAsBytes(both);
                }
            };
        } catch (RenderException e) {
            throw LayoutHandler.translate(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void answer(RoutingContext ctx, DeviceProfile profile, Format format, byte[] bytes) {
        var response = ctx.response()
                .putHeader("Content-Type", format == Format.HTML ? "text/html; charset=utf-8" : "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Device-Tier", profile.tier().id());
        if (format == Format.HTML) {
            response.putHeader(SecurityHeaders.CSP, htmlPolicy);
        }
        response.end(Buffer.buffer(bytes));
    }

    public void preview(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String tier = tier(ctx);
        Format format = format(ctx);
        String cursor = ctx.request().getParam("cursor");
        DeviceProfile profile = layouts.profile(DeviceHeaders.of(ctx.request(), tier));
        ClientCapabilities caps = ClientCapabilities.DEFAULT.withAccept(ctx.request().getHeader("Accept"));
        Requests.blocking(ctx, () -> {
            ObjectNode draft = pages.get(id);
            ObjectNode snapshot = pinner.apply(draft.deepCopy());
            snapshot.put("pageId", id);
            snapshot.put("number", draft.path("version").asInt());
            return render(snapshot, profile, caps, cursor, format);
        }).onSuccess(bytes -> answer(ctx, profile, format, bytes)).onFailure(ctx::fail);
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
