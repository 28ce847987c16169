package io.venuekit.server.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.page.PageService;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The live pages an asset-wide focus changes: published snapshots showing the asset through a use
 * without its own focus (a use with one has its own crop, {@link UseCrops}, which no asset-wide
 * focus touches). An asset-wide focus applies at once, so the builder lists these before it is set
 * ({@code GET /api/assets/{id}/uses}) and the answer to setting it lists them again.
 * Blocking: reads every page's live snapshot (a focus change is rare; pages are a few hundred).
 */
public final class LiveUses {

    /** No pages to look at (tests that mount the asset routes alone). */
    public static final LiveUses NONE = new LiveUses(limit -> List.of(), (id, number) -> null);

    /** Pages read, at most: more than any venue site has live at once. */
    private static final int MAX_PAGES = 2_000;

    /** A live page and the components on it that show the asset through its asset-wide crop. */
    public record LivePage(String pageId, String slug, String title, int version, List<String> components) {}

    /** Reads a page's published snapshot by its number, or null when there is none. */
    interface Snapshots {
        JsonNode snapshot(String pageId, int number);
    }

    private final Function<Integer, List<ObjectNode>> pages;
    private final Snapshots snapshots;

    LiveUses(Function<Integer, List<ObjectNode>> pages, Snapshots snapshots) {
        this.pages = pages;
        this.snapshots = snapshots;
    }

    public static LiveUses of(PageService pages) {
        return new LiveUses(pages::list, (id, number) -> {
            try {
                return pages.version(id, number);
            } catch (ApiException gone) {
                return null; // deleted or withdrawn since the list was read
            }
        });
    }

    public List<LivePage> of(String assetId) {
        List<LivePage> live = new ArrayList<>();
        for (ObjectNode page : pages.apply(MAX_PAGES)) {
            int number = page.path("publishedVersion").asInt(0);
            if (number <= 0 || page.path("deleted").asBoolean(false)) {
                continue;
            }
            JsonNode snapshot = snapshots.snapshot(page.path("id").asText(), number);
            if (snapshot == null) {
                continue;
            }
            Set<String> components = new LinkedHashSet<>();
            walk(snapshot, null, assetId, components);
            if (!components.isEmpty()) {
                live.add(new LivePage(
                        page.path("id").asText(),
                        snapshot.path("slug").asText(page.path("slug").asText()),
                        snapshot.path("title").asText(page.path("title").asText()),
                        number,
                        List.copyOf(components)));
            }
        }
        return live;
    }

    static ArrayNode json(List<LivePage> pages) {
        return AssetJson.MAPPER.valueToTree(pages);
    }

    /** Every object {"asset": id} without a focus of its own, named by the component it sits in. */
    private static void walk(JsonNode node, String component, String assetId, Set<String> found) {
        if (node.isArray()) {
            node.forEach(child -> walk(child, component, assetId, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String here = node.hasNonNull("type") && node.hasNonNull("id")
                ? node.get("id").asText()
                : component;
        if (assetId.equals(node.path("asset").asText(null))
                && !node.path("focus").isObject()) {
            found.add(here == null ? "(page)" : here);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            walk(it.next().getValue(), here, assetId, found);
        }
    }
}
