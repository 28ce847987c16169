package io.venuekit.renderer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.renderer.image.ImageResolver;
import io.venuekit.renderer.image.MediaBudget;
import java.util.Map;

/**
 * Renders a published snapshot into the layout payload for one device and client (contract 1,
 * schema {@code venuekit/layout.schema.json}). Built once from the registry; thread-safe.
 *
 * <p>The first page holds the first modules up to the tier's {@link PageSize} and stops before
 * the first module whose tier policy is {@code lazy}; {@code next} then carries a cursor, and
 * {@link #page} renders the following pages of the same size.
 */
public final class LayoutRenderer {

    /** CSS width assumed when the client did not say (the commonest phone viewport). */
    public static final int DEFAULT_VIEWPORT = 375;

    public static final String SCHEMA_RESOURCE = "venuekit/layout.schema.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private final ComponentResolver resolver;
    private final PageSize pageSize;
    private final SnapshotFacts.Memo facts = new SnapshotFacts.Memo();
    private final SnapshotUpgrade upgrade;

    /** With the default page size and the bundled {@link LinkPolicy}. */
    public LayoutRenderer(ComponentRegistry registry) {
        this(registry, PageSize.DEFAULT);
    }

    /** With the bundled {@link LinkPolicy}. */
    public LayoutRenderer(ComponentRegistry registry, PageSize pageSize) {
        this(registry, pageSize, LinkPolicy.bundled());
    }

    /**
     * @param linkPolicy where links may go; a link a stored snapshot holds against it is left out
     *                   of the payload (the server's save check uses the same policy)
     */
    public LayoutRenderer(ComponentRegistry registry, PageSize pageSize, LinkPolicy linkPolicy) {
        Map<String, ComponentRules> rules = ComponentRules.all(registry);
        this.resolver = new ComponentResolver(rules, new LinkGuard(linkPolicy));
        this.pageSize = pageSize;
        this.upgrade = new SnapshotUpgrade(registry);
    }

    /**
     * The first page of the layout.
     *
     * @throws PageNotLiveException when the page is outside its schedule or its targeting excludes the request
     */
    public Layout render(
            JsonNode snapshot,
            DeviceProfile profile,
            ClientCapabilities caps,
            AssetCatalog catalog,
            RenderRequest request) {
        checkLive(snapshot, request);
        return renderFrom(snapshot, profile, caps, catalog, request, 0);
    }

    /**
     * The page a cursor from an earlier {@link Layout#next()} points at.
     *
     * @throws InvalidCursorException when the cursor is malformed or was cut from another page, version or tier
     * @throws PageNotLiveException   as {@link #render}
     */
    public Layout page(
            JsonNode snapshot,
            DeviceProfile profile,
            ClientCapabilities caps,
            AssetCatalog catalog,
            RenderRequest request,
            String cursor) {
        Cursor c = Cursor.decode(cursor);
        SnapshotId id = SnapshotId.of(snapshot);
        String pageId = id.pageId();
        int version = id.version();
        if (!c.pageId().equals(pageId)) {
            throw InvalidCursorException.mismatch(cursor, "page", pageId, c.pageId());
        }
        if (c.version() != version) {
            throw InvalidCursorException.mismatch(cursor, "version", version, c.version());
        }
        if (!c.tier().equals(profile.tier().id())) {
            throw InvalidCursorException.mismatch(cursor, "tier", profile.tier().id(), c.tier());
        }
        int size = snapshot.path("components").size();
        if (c.offset() >= size) {
            throw InvalidCursorException.beyondEnd(cursor, c.offset(), size);
        }
        checkLive(snapshot, request);
        return renderFrom(snapshot, profile, caps, catalog, request, c.offset());
    }

    /** The page and published version a cursor was cut from. */
    public record CursorOrigin(String pageId, int version) {}

    /**
     * Which snapshot a cursor belongs to, so a server can serve a cursor cut from a snapshot that has
     * since been replaced from that snapshot.
     *
     * @throws InvalidCursorException when the cursor is malformed
     */
    public static CursorOrigin cursorOrigin(String cursor) {
        Cursor c = Cursor.decode(cursor);
        return new CursorOrigin(c.pageId(), c.version());
    }

    /**
     * Whether the snapshot is shown to this request at all; the server calls it before serving
     * cached bytes, since a cached layout outlives its schedule.
     *
     * @throws PageNotLiveException when it is not
     */
    public void checkLive(JsonNode snapshot, RenderRequest request) {
        facts.of(snapshot).schedule().check(request.now());
        String excluded = Targeting.exclusion(snapshot.get("targeting"), request);
        if (excluded != null) {
            throw PageNotLiveException.notTargeted(snapshot.path("slug").asText(""), excluded);
        }
    }

    /**
     * The key under which a rendered layout can be cached and reused: everything the bytes depend
     * on except the schedule (check {@link #checkLive} per request). Request facts appear only
     * when some component of the snapshot is targeted on them.
     */
    public String cacheKey(
            JsonNode snapshot, DeviceProfile profile, ClientCapabilities caps, RenderRequest request, String cursor) {
        SnapshotFacts known = facts.of(snapshot);
        TargetingFacts used = known.targeting();
        StringBuilder key = new StringBuilder(96)
                .append(known.pageId())
                .append('@')
                .append(known.version())
                .append('/')
                .append(profile.tier().id())
                .append('/')
                .append(profile.mediaTier().id())
                .append("/dpr")
                .append(Math.min(
                        profile.dpr(), MediaBudget.of(profile.mediaTier()).dprCap()))
                .append("/vw")
                .append(viewport(profile))
                .append(profile.reducedMotion() ? "/still" : "/motion")
                .append('/')
                .append(caps.cacheKey());
        used.appendTo(key, request);
        // one rendering per combination of variants, shared by every user assigned that combination
        for (JsonNode experiment : known.experiments()) {
            Experiments.Pick pick = Experiments.pick(known.pageId(), experiment, request.subject());
            key.append("/x").append(pick == null ? -1 : pick.index());
        }
        if (cursor != null) {
            key.append("/@").append(cursor);
        }
        return key.toString();
    }

    /**
     * The variants this request's user is assigned, {@code experiment=variant} comma-separated in
     * document order, for the response's {@code X-Venuekit-Variants}; null when the snapshot has
     * no experiment (its bytes then do not depend on the user at all).
     */
    public String variants(JsonNode snapshot, RenderRequest request) {
        SnapshotFacts known = facts.of(snapshot);
        if (known.experiments().isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode experiment : known.experiments()) {
            Experiments.Pick pick = Experiments.pick(known.pageId(), experiment, request.subject());
            if (pick != null) {
                out.append(out.length() == 0 ? "" : ", ")
                        .append(experiment.path("id").asText())
                        .append('=')
                        .append(pick.name());
            }
        }
        return out.toString();
    }

    /**
     * The JSON Schema of the payload for the shipped component types, as served at
     * {@code /v1/schema/layout.json}: the envelope ({@value #SCHEMA_RESOURCE}) typed per component
     * type by {@link LayoutSchema}.
     */
    public static byte[] layoutSchema() {
        return LayoutSchema.bytes(ComponentRegistry.loadDefault());
    }

    private Layout renderFrom(
            JsonNode snapshot,
            DeviceProfile profile,
            ClientCapabilities caps,
            AssetCatalog catalog,
            RenderRequest request,
            int offset) {
        Tier mediaTier = profile.mediaTier();
        ImageResolver images = new ImageResolver(
                catalog, MediaBudget.of(mediaTier), profile.dpr(), caps.webp(), mediaTier != Tier.LOW);
        SnapshotId id = SnapshotId.of(snapshot);
        RenderContext ctx = new RenderContext(id.pageId(), profile, caps, request, images, viewport(profile));
        JsonNode all = upgrade.of(snapshot).path("components");
        int limit = pageSize.of(profile.tier());
        ArrayNode components = NODES.arrayNode();
        int i = offset;
        for (; i < all.size() && components.size() < limit; i++) {
            // what a deferred module degrades is said on the page that shows it, not here
            RenderContext own = ctx.scratch();
            ComponentResolver.Resolved r = resolver.resolve(all.get(i), own, ctx.viewportWidth);
            if (r != null && offset == 0 && r.lazy()) {
                deferred(r, ctx);
                break;
            }
            ctx.absorb(own);
            if (r != null) {
                components.add(r.node());
            }
        }
        i = skipHidden(all, i, ctx);
        String next = i < all.size()
                ? new Cursor(id.pageId(), id.version(), profile.tier().id(), i).encode()
                : null;
        ObjectNode payload = envelope(snapshot, profile);
        payload.set("components", components);
        payload.set("substitutions", ctx.substitutions);
        payload.set("degradations", ctx.degradations);
        payload.set("warnings", ctx.warnings);
        if (next == null) {
            payload.putNull("next");
        } else {
            payload.put("next", next);
        }
        try {
            return new Layout(payload, WRITER.writeValueAsBytes(payload), next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a layout tree failed to serialise", e);
        }
    }

    /**
     * Moves past components this request will not see, so that {@code next} is null rather than
     * a cursor to an empty page. What they record (a drop, a missing fallback) lands on this page.
     */
    private int skipHidden(JsonNode all, int i, RenderContext ctx) {
        while (i < all.size()) {
            RenderContext scratch = ctx.scratch();
            if (resolver.shows(all.get(i), scratch)) {
                return i;
            }
            ctx.absorb(scratch);
            i++;
        }
        return i;
    }

    private static void deferred(ComponentResolver.Resolved module, RenderContext ctx) {
        JsonNode node = module.node();
        String title = module.lazySelf() ? module.lazyTitle() : module.title();
        ctx.degrade(
                node.path("id").asText(),
                node.path("type").asText(),
                RenderContext.Degradation.LAZY,
                title + " deferred past the first screen on " + ctx.tierId
                        + (module.lazySelf()
                                ? ""
                                : ": it holds " + module.lazyTitle() + ", which " + ctx.tierId + " loads lazily"),
                null);
    }

    private static ObjectNode envelope(JsonNode snapshot, DeviceProfile profile) {
        ObjectNode payload = NODES.objectNode();
        payload.put("contract", ClientCapabilities.CURRENT_CONTRACT);
        ObjectNode page = payload.putObject("page");
        SnapshotId id = SnapshotId.of(snapshot);
        page.put("id", id.pageId());
        page.put("slug", snapshot.path("slug").asText(""));
        page.put("version", id.version());
        page.put("title", snapshot.path("title").asText(""));
        ObjectNode device = payload.putObject("device");
        device.put("tier", profile.tier().id());
        device.put("mediaTier", profile.mediaTier().id());
        // The reasons stay out of the bytes (they travel in X-Device-Reasons): every request that
        // resolves to the same tier, media tier and capabilities then shares one body and ETag.
        device.put("reducedMotion", profile.reducedMotion());
        return payload;
    }

    private static double viewport(DeviceProfile profile) {
        return profile.viewportWidth() > 0 ? profile.viewportWidth() : DEFAULT_VIEWPORT;
    }
}
