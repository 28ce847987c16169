package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.faults.Fault;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.Layout;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.Headers;
import io.venuekit.server.http.Json;
import io.venuekit.server.http.Requests;
import io.venuekit.server.http.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/pages/{id}/preview?tier=low[&format=html][&cursor=…]}: the draft as a phone of
 * that tier would get it once published ({@code ?tiers=low,mid,high}: every tier in one answer).
 * Never cached, and shown whatever its schedule says.
 * HTML when asked for with {@code format=html}, or by a browser navigating (its {@code Accept}
 * starts with {@code text/html}), so the preview's own "Show more" link stays a preview.
 */
public final class PreviewHandler {

    private final LayoutService layouts;
    private final Function<Layout, byte[]> html;
    private final String htmlPolicy;

    /** @param htmlPolicy the content security policy of a preview's HTML (a sandbox of its own) */
    public PreviewHandler(LayoutService layouts, Function<Layout, byte[]> html, String htmlPolicy) {
        this.layouts = layouts;
        this.html = html;
        this.htmlPolicy = htmlPolicy;
    }

    /** The format asked for: HTML, JSON, or both in one JSON answer (the builder's budget line wants both sizes). */
    private enum Format {
        JSON,
        HTML,
        BOTH
    }

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
            default ->
                throw new ApiException(
                        400,
                        "bad-format",
                        "format must be json, html or both, got \"" + Headers.printable(format) + "\".",
                        List.of(Fault.error("", "enum", "format: json, html or both")),
                        null);
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
        throw new ApiException(
                400, "bad-tier", "tier must be one of high, mid, low; got \"" + Headers.printable(tier) + "\".");
    }

    /**
     * {@code POST /api/preview?tier=low[&format=html|both]} with an unsaved page document: what that
     * tier would get were it published now, so the builder's previews follow every edit before a save.
     */
    public void previewDocument(RoutingContext ctx) {
        ObjectNode body = Json.readObject(ctx);
        if (ctx.request().getParam("tiers") != null) {
            previewTiers(ctx, body);
            return;
        }
        String tier = tier(ctx);
        Format format = format(ctx);
        DeviceProfile profile = layouts.profile(DeviceHeaders.of(ctx.request(), tier));
        ClientCapabilities caps =
                ClientCapabilities.DEFAULT.withAccept(ctx.request().getHeader("Accept"));
        Requests.blocking(
                        ctx, () -> answer(layouts.preview(layouts.previewDocument(body), profile, caps, null), format))
                .onSuccess(bytes -> answer(ctx, profile, format, bytes))
                .onFailure(ctx::fail);
    }

    /**
     * {@code POST /api/preview?tiers=low,mid,high} with an unsaved document: {@code {"low": {"layout", "html",
     * "jsonBytes", "htmlBytes"}, …}} in one answer. The builder shows every tier after each edit; one request
     * reads and checks the document once instead of once per tier.
     */
    private void previewTiers(RoutingContext ctx, ObjectNode body) {
        Map<String, DeviceProfile> profiles = profiles(ctx);
        Requests.blocking(ctx, () -> layouts.previewDocument(body))
                .compose(checked -> renderTiers(ctx, checked, profiles))
                .onSuccess(bytes -> answerTiers(ctx, bytes, null))
                .onFailure(ctx::fail);
    }

    /**
     * {@code GET /api/pages/{id}/preview?tiers=low,mid,high}: the saved draft's tiers, answered as
     * {@code POST /api/preview?tiers=} answers, with the draft's version as the {@code ETag}. The builder
     * asks for it as the page loads, before its modules have arrived, so that the server renders the
     * first previews while the browser still loads and draws the editor.
     */
    private void previewDraftTiers(RoutingContext ctx, String id) {
        Map<String, DeviceProfile> profiles = profiles(ctx);
        Requests.blocking(ctx, () -> layouts.previewDraftSnapshot(id))
                .compose(snapshot -> renderTiers(ctx, snapshot, profiles)
                        .map(bytes -> Map.entry(snapshot.path("number").asInt(), bytes)))
                .onSuccess(answer -> answerTiers(ctx, answer.getValue(), answer.getKey()))
                .onFailure(ctx::fail);
    }

    private Map<String, DeviceProfile> profiles(RoutingContext ctx) {
        Map<String, DeviceProfile> profiles = new LinkedHashMap<>();
        for (String tier : ctx.request().getParam("tiers").split(",", -1)) {
            profiles.put(tierId(tier.trim()), layouts.profile(DeviceHeaders.of(ctx.request(), tier.trim())));
        }
        return profiles;
    }

    /** One tier's preview: its layout (JSON text), its HTML, and the byte size of each as a phone would get it. */
    private record TierPreview(String layout, String html, int jsonBytes, int htmlBytes) {}

    /**
     * Every tier rendered at once, each on a worker thread of its own (the checked snapshot is only
     * read), so a 1,000-component page takes about as long as its largest tier on a machine with a
     * core to spare rather than the sum of the three.
     */
    private Future<byte[]> renderTiers(RoutingContext ctx, ObjectNode snapshot, Map<String, DeviceProfile> profiles) {
        ClientCapabilities caps =
                ClientCapabilities.DEFAULT.withAccept(ctx.request().getHeader("Accept"));
        List<Future<TierPreview>> rendered = new ArrayList<>();
        for (DeviceProfile profile : profiles.values()) {
            rendered.add(Requests.blocking(ctx, () -> {
                Layout layout = layouts.preview(snapshot, profile, caps, null);
                byte[] json = layout.bytes();
                byte[] page = html.apply(layout);
                return new TierPreview(
                        new String(json, StandardCharsets.UTF_8),
                        new String(page, StandardCharsets.UTF_8),
                        json.length,
                        page.length);
            }));
        }
        return Future.all(rendered)
                .compose(all -> Requests.blocking(ctx, () -> {
                    ObjectNode answer = Json.MAPPER.createObjectNode();
                    int i = 0;
                    for (String tier : profiles.keySet()) {
                        TierPreview one = rendered.get(i++).result();
                        answer.putObject(tier)
                                .putRawValue("layout", new RawValue(one.layout()))
                                .put("html", one.html())
                                .put("jsonBytes", one.jsonBytes())
                                .put("htmlBytes", one.htmlBytes());
                    }
                    return Json.MAPPER.writeValueAsBytes(answer);
                }));
    }

    private static void answerTiers(RoutingContext ctx, byte[] bytes, Integer version) {
        var response = ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        if (version != null) {
            response.putHeader("ETag", "\"" + version + "\"");
        }
        response.end(Buffer.buffer(bytes));
    }

    private static String tierId(String tier) {
        for (Tier t : Tier.values()) {
            if (t.id().equals(tier)) {
                return tier;
            }
        }
        throw new ApiException(
                400,
                "bad-tier",
                "tiers must name high, mid or low, separated by commas; got \"" + Headers.printable(tier) + "\".");
    }

    private byte[] answer(Layout layout, Format format) {
        try {
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void answer(RoutingContext ctx, DeviceProfile profile, Format format, byte[] bytes) {
        var response = ctx.response()
                .putHeader(
                        "Content-Type",
                        format == Format.HTML ? "text/html; charset=utf-8" : "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Device-Tier", profile.tier().id());
        if (format == Format.HTML) {
            response.putHeader(SecurityHeaders.CSP, htmlPolicy);
        }
        response.end(Buffer.buffer(bytes));
    }

    public void preview(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (ctx.request().getParam("tiers") != null) {
            previewDraftTiers(ctx, id);
            return;
        }
        String tier = tier(ctx);
        Format format = format(ctx);
        String cursor = ctx.request().getParam("cursor");
        DeviceProfile profile = layouts.profile(DeviceHeaders.of(ctx.request(), tier));
        ClientCapabilities caps =
                ClientCapabilities.DEFAULT.withAccept(ctx.request().getHeader("Accept"));
        Requests.blocking(ctx, () -> answer(layouts.previewDraft(id, profile, caps, cursor), format))
                .onSuccess(bytes -> answer(ctx, profile, format, bytes))
                .onFailure(ctx::fail);
    }

    /** {@code GET /v1/schema/layout.json}: the published JSON Schema of the payload. */
    public static void schema(RoutingContext ctx, byte[] schema) {
        if (schema == null) {
            throw new ApiException(404, "not-found", "The layout schema is not bundled with this build.");
        }
        ctx.response()
                .putHeader("Content-Type", "application/schema+json")
                .putHeader("Cache-Control", "public, max-age=3600")
                .end(Buffer.buffer(schema));
    }
}
