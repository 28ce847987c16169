package io.venuekit.server.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.page.PageRepository;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublishedPagesTest {

    /** Published pages by slug, as the database holds them; counts the lookups by slug. */
    private final Map<String, ObjectNode> database = new ConcurrentHashMap<>();

    private final AtomicInteger lookups = new AtomicInteger();
    private final PageRepository repository = (PageRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {PageRepository.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "latestSnapshotBySlug" -> {
                    lookups.incrementAndGet();
                    yield Optional.ofNullable(database.get((String) args[0]));
                }
                case "publishedSlugs" -> Set.copyOf(database.keySet());
                case "reachable" -> true;
                case "publishedNumbers" -> {
                    Map<String, PageRepository.Published> current = new HashMap<>();
                    for (Object slug : (java.util.Collection<?>) args[0]) {
                        ObjectNode s = database.get((String) slug);
                        if (s != null)
                            current.put(
                                    (String) slug,
                                    new PageRepository.Published(
                                            s.path("pageId").asText(),
                                            s.path("number").asInt()));
                    }
                    yield current;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static ObjectNode snapshot(String pageId, String slug, int number) {
        return new ObjectMapper()
                .createObjectNode()
                .put("pageId", pageId)
                .put("slug", slug)
                .put("number", number);
    }

    @Test
    void aSlugNoPageHasIsAnsweredFromMemoryOnceTheSlugsAreKnown() {
        database.put("double11", snapshot("p1", "double11", 3));
        PublishedPages pages = new PublishedPages(repository);

        assertTrue(pages.find("made-up-1").isEmpty());
        assertEquals(1, lookups.get(), "before the first refresh, the database is asked");

        pages.refresh();
        // the refresh itself loads every published slug once (for outages and the local copy)
        assertEquals(2, lookups.get(), "the refresh loaded double11");
        for (int i = 0; i < 100; i++) {
            assertTrue(pages.find("made-up-" + i).isEmpty());
        }
        assertEquals(2, lookups.get(), "after it, made-up slugs cost no lookup");
        assertEquals(3, pages.find("double11").orElseThrow().path("number").asInt());
    }

    @Test
    void publicationsHereAndThroughOtherInstancesAreServed() {
        PublishedPages pages = new PublishedPages(repository);
        pages.refresh();

        // Published through this instance: at once.
        ObjectNode here = snapshot("p2", "new-here", 1);
        database.put("new-here", here);
        pages.published(here);
        assertEquals("p2", pages.find("new-here").orElseThrow().path("pageId").asText());

        // Published through another one: from the next refresh on.
        database.put("new-there", snapshot("p3", "new-there", 1));
        assertTrue(pages.find("new-there").isEmpty(), "not known here yet");
        pages.refresh();
        assertEquals("p3", pages.find("new-there").orElseThrow().path("pageId").asText());

        // Withdrawn elsewhere: gone from the next refresh on, without a lookup per request after it.
        database.remove("new-there");
        pages.refresh();
        int before = lookups.get();
        assertTrue(pages.find("new-there").isEmpty());
        assertEquals(before, lookups.get());
    }
}
