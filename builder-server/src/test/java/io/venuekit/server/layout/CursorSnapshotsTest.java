package io.venuekit.server.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.ClientCapabilities;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.PageSize;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.page.PageRepository;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cursor is served from the snapshot it was cut from until a day after a republish replaced it, then 410. */
class CursorSnapshotsTest {

    private static final Instant REPUBLISHED = Instant.parse("2026-11-11T00:00:00Z");

    private static ObjectNode snapshot(int number, int modules, Instant publishedAt) {
        ObjectNode s = ManyComponents.page("cursored", modules);
        s.put("pageId", "p1").put("number", number).put("publishedAt", publishedAt.toString());
        return s;
    }

    private static PageRepository repository(Map<Integer, ObjectNode> snapshots) {
        return (PageRepository) Proxy.newProxyInstance(
                PageRepository.class.getClassLoader(), new Class<?>[] {PageRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("snapshot")) {
                        return Optional.ofNullable(snapshots.get((Integer) args[1]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void servesTheOldSnapshotForADayAfterItWasReplacedThenRefuses() {
        ObjectNode v1 = snapshot(1, 30, REPUBLISHED.minus(Duration.ofDays(9)));
        ObjectNode v2 = snapshot(2, 3, REPUBLISHED);
        LayoutRenderer renderer = new LayoutRenderer(ComponentRegistry.loadDefault(), PageSize.DEFAULT);
        DeviceProfile low = new DeviceProfile(
                Tier.LOW, Tier.LOW, List.of(), "android", 10, null, 2.0, 375, null, false, false, Set.of());
        Layout first =
                renderer.render(v1, low, ClientCapabilities.DEFAULT, AssetCatalog.EMPTY, RenderRequest.at(REPUBLISHED));
        String cursor = first.next().orElseThrow();
        PageRepository repository = repository(Map.of(1, v1, 2, v2));

        CursorSnapshots within =
                new CursorSnapshots(repository, Clock.fixed(REPUBLISHED.plus(Duration.ofHours(23)), ZoneOffset.UTC));
        assertEquals(null, within.inMemory(v2, cursor), "not read yet: the event loop leaves it to a worker");
        JsonNode served = within.forCursor(v2, cursor);
        assertSame(v1, served, "nine days old, but replaced 23 hours ago");
        assertSame(v1, within.inMemory(v2, cursor));
        assertEquals(
                1,
                renderer.page(
                                served,
                                low,
                                ClientCapabilities.DEFAULT,
                                AssetCatalog.EMPTY,
                                RenderRequest.at(REPUBLISHED),
                                cursor)
                        .payload()
                        .at("/page/version")
                        .asInt());
        assertSame(v2, within.forCursor(v2, null), "no cursor: the live snapshot");

        CursorSnapshots after =
                new CursorSnapshots(repository, Clock.fixed(REPUBLISHED.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        ApiException expired = assertThrows(ApiException.class, () -> after.forCursor(v2, cursor));
        assertEquals(410, expired.status());
        assertEquals("cursor-expired", expired.code());
    }
}
