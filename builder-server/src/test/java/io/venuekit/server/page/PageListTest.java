package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's page list: status, whether the draft differs from what is live, search, and undoing a delete. */
class PageListTest {

    @TempDir
    Path dataDir;

    private static Map<String, JsonNode> bySlug(Response list) {
        Map<String, JsonNode> pages = new HashMap<>();
        list.json().path("pages").forEach(p -> pages.put(p.path("slug").asText(), p));
        return pages;
    }

    @Test
    void eachPageSaysWhereItStandsAndSearchFindsItByTitleOrSlug() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            Instant now = Instant.now();
            String draft = server.post("/api/pages", Pages.simple("only-draft"))
                    .json()
                    .path("id")
                    .asText();
            String live = publish(server, Pages.simple("live-one"));
            ObjectNode later = Pages.simple("later-one");
            later.putObject("schedule")
                    .put("start", now.plus(2, ChronoUnit.DAYS).toString());
            publish(server, later);
            ObjectNode over = Pages.simple("over-one");
            over.putObject("schedule")
                    .put("start", now.minus(3, ChronoUnit.DAYS).toString())
                    .put("end", now.minus(1, ChronoUnit.DAYS).toString());
            publish(server, over);

            Map<String, JsonNode> pages = bySlug(server.get("/api/pages?view=summary"));
            assertEquals("draft", pages.get("only-draft").path("status").asText());
            assertEquals("live", pages.get("live-one").path("status").asText());
            assertEquals("scheduled", pages.get("later-one").path("status").asText());
            assertEquals("ended", pages.get("over-one").path("status").asText());
            assertFalse(
                    pages.get("live-one").path("differsFromLive").asBoolean(),
                    pages.get("live-one").toString());
            assertFalse(pages.get("live-one").has("components"), "the list leaves the components out");
            assertEquals("anonymous", pages.get("live-one").path("updatedBy").asText());

            Response edited =
                    server.put("/api/pages/" + live, Pages.simple("live-one").put("title", "Edited"), "If-Match", "1");
            assertEquals(200, edited.status(), edited.toString());
            assertTrue(bySlug(server.get("/api/pages?view=summary"))
                    .get("live-one")
                    .path("differsFromLive")
                    .asBoolean());
            assertEquals(
                    201,
                    server.post("/api/pages/" + live + "/rollback", Map.of("to", 1))
                            .status());
            assertTrue(
                    bySlug(server.get("/api/pages?view=summary"))
                            .get("live-one")
                            .path("differsFromLive")
                            .asBoolean(),
                    "after a rollback the draft differs from what is live");

            Map<String, JsonNode> found = bySlug(server.get("/api/pages?q=EDIT"));
            assertEquals(1, found.size(), found.toString());
            assertTrue(found.containsKey("live-one"));
            assertEquals(1, bySlug(server.get("/api/pages?q=over-")).size());
            assertEquals(400, server.get("/api/pages?view=everything").status());

            assertEquals(204, server.delete("/api/pages/" + draft).status());
            assertFalse(bySlug(server.get("/api/pages?view=summary")).containsKey("only-draft"));
            Response restored = server.post("/api/pages/" + draft + "/restore", null);
            assertEquals(200, restored.status(), restored.toString());
            assertTrue(bySlug(server.get("/api/pages?view=summary")).containsKey("only-draft"), "undo brings it back");
            assertEquals(
                    404,
                    server.post("/api/pages/" + draft + "/restore", null).status(),
                    "only a deleted page is restored");

            assertEquals(204, server.delete("/api/pages/" + live).status());
            assertEquals(404, server.get("/v1/venues/live-one/layout").status());
            assertEquals(
                    201, server.post("/api/pages", Pages.simple("live-one")).status(), "the slug is free once deleted");
            Response taken = server.post("/api/pages/" + live + "/restore", null);
            assertEquals(409, taken.status(), "restoring cannot take a slug someone reused: " + taken);
        }
    }

    private static String publish(TestServer server, ObjectNode page) {
        String id = server.post("/api/pages", page).json().path("id").asText();
        Response published = server.post("/api/pages/" + id + "/publish", null);
        assertEquals(201, published.status(), published.toString());
        return id;
    }
}
