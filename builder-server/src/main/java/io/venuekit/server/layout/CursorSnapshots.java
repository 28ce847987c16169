package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.page.PageRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshot a cursor is served from. A phone scrolling a venue holds a cursor into the snapshot
 * it started on; a republish must not break it, so a cursor cut from a snapshot that has since been
 * replaced is served from that snapshot (immutable, still stored) for {@link #GRACE} after it was
 * replaced, then answered {@code 410 cursor-expired} (the app starts the page again). Replaced
 * snapshots are kept in memory once read: few, and only while phones page through them.
 */
public final class CursorSnapshots {

    /** How long a replaced snapshot still serves the cursors cut from it. */
    public static final Duration GRACE = Duration.ofDays(1);

    private static final int MAX_KEPT = 256;

    private final PageRepository repository;
    private final Clock clock;
    /** {@code pageId:number} → the snapshot and when it stopped being live. */
    private final Map<String, Replaced> kept = new ConcurrentHashMap<>();

    private record Replaced(ObjectNode snapshot, Instant replacedAt) {}

    public CursorSnapshots(PageRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The snapshot to serve a cursor from: the live one unless the cursor was cut from an earlier
     * version of the same page. Blocking when that version is not in memory; {@code null} from
     * {@link #inMemory}.
     */
    public JsonNode forCursor(JsonNode live, String cursor) {
        return pick(live, cursor, true);
    }

    /** As {@link #forCursor}, without touching the database: null when the earlier snapshot is not in memory. */
    public JsonNode inMemory(JsonNode live, String cursor) {
        return pick(live, cursor, false);
    }

    private JsonNode pick(JsonNode live, String cursor, boolean load) {
        if (cursor == null) {
            return live;
        }
        LayoutRenderer.CursorOrigin origin = LayoutRenderer.cursorOrigin(cursor);
        String pageId = live.path("pageId").asText();
        int number = live.path("number").asInt();
        // another page's cursor, or a version not yet live here: the renderer refuses it with the reason
        if (!origin.pageId().equals(pageId) || origin.version() >= number) {
            return live;
        }
        String key = pageId + ":" + origin.version();
        Replaced replaced = kept.get(key);
        if (replaced == null) {
            if (!load) {
                return null;
            }
            replaced = load(pageId, origin.version());
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(key, replaced);
        }
        if (replaced.snapshot() == null
                || clock.instant().isAfter(replaced.replacedAt().plus(GRACE))) {
            throw new ApiException(
                    410,
                    "cursor-expired",
                    "This cursor belongs to version " + origin.version()
                            + " of the page, replaced more than a day ago; load the layout again without a cursor.");
        }
        return replaced.snapshot();
    }

    /** The snapshot and when its successor was published (when it stopped being live). */
    private Replaced load(String pageId, int number) {
        Optional<ObjectNode> snapshot = repository.snapshot(pageId, number);
        Instant replacedAt = repository
                .snapshot(pageId, number + 1)
                .map(next -> instant(next.path("publishedAt").asText()))
                .orElse(Instant.EPOCH);
        return new Replaced(snapshot.orElse(null), replacedAt);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
