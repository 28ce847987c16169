package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageLifecycleTest {

    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsReadsListsAndUpdatesADraft() {
        Response created = server.post("/api/pages", Pages.simple("lifecycle-a"), "X-Venuekit-User", "alice");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().path("id").asText();
        assertTrue(id.startsWith("pg_"));
        assertEquals("/api/pages/" + id, created.header("Location"));
        assertEquals(1, created.json().path("version").asInt());
        assertEquals("alice", created.json().path("createdBy").asText());

        Response read = server.get("/api/pages/" + id);
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals("Test venue lifecycle-a", read.json().path("title").asText());
        assertEquals("t1", read.json().at("/components/0/children/0/id").asText());

        ObjectNode edit = Pages.simple("lifecycle-a");
        edit.put("title", "Renamed");
        Response updated = server.put("/api/pages/" + id, edit, "If-Match", "\"1\"", "X-Venuekit-User", "bob");
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(2, updated.json().path("version").asInt());
        assertEquals(
                "Renamed", server.get("/api/pages/" + id).json().path("title").asText());

        List<String> slugs = new ArrayList<>();
        server.get("/api/pages")
                .json()
                .path("pages")
                .forEach(p -> slugs.add(p.path("slug").asText()));
        assertTrue(slugs.contains("lifecycle-a"), slugs.toString());
    }

    @Test
    void publishesNumberedImmutableSnapshotsAndRollsBackAsANewVersion() {
        String id = server.post("/api/pages", Pages.simple("lifecycle-b"))
                .json()
                .path("id")
                .asText();

        Response first = server.post("/api/pages/" + id + "/publish", null, "X-Venuekit-User", "carol");
        assertEquals(201, first.status(), first.toString());
        assertEquals(1, first.json().path("number").asInt());

        ObjectNode edit = Pages.simple("lifecycle-b");
        edit.put("title", "Second title");
        assertEquals(200, server.put("/api/pages/" + id, edit, "If-Match", "1").status());
        Response second = server.post("/api/pages/" + id + "/publish", null);
        assertEquals(2, second.json().path("number").asInt());
        assertEquals("Second title", second.json().path("title").asText());

        // editing the draft again must not change what was published
        edit.put("title", "Third draft title");
        assertEquals(200, server.put("/api/pages/" + id, edit, "If-Match", "2").status());
        assertEquals(
                "Second title",
                server.get("/api/pages/" + id + "/versions/2")
                        .json()
                        .path("title")
                        .asText());

        Response rollback = server.post("/api/pages/" + id + "/rollback", "{\"to\": 1}");
        assertEquals(201, rollback.status(), rollback.toString());
        assertEquals(3, rollback.json().path("number").asInt());
        assertEquals(1, rollback.json().path("rolledBackFrom").asInt());
        assertEquals("Test venue lifecycle-b", rollback.json().path("title").asText());

        JsonNode versions = server.get("/api/pages/" + id + "/versions").json().path("versions");
        assertEquals(3, versions.size());
        assertEquals(3, versions.get(0).path("number").asInt());
        assertEquals("carol", versions.get(2).path("publishedBy").asText());
        assertEquals(
                3,
                server.get("/api/pages/" + id).json().path("publishedVersion").asInt());
    }

    @Test
    void rollbackToAVersionThatNeverExistedIs404AndPublishesNothing() {
        String id = server.post("/api/pages", Pages.simple("lifecycle-c"))
                .json()
                .path("id")
                .asText();
        Response response = server.post("/api/pages/" + id + "/rollback", "{\"to\": 9}");
        assertEquals(404, response.status());
        assertEquals("/to", response.json().at("/error/faults/0/pointer").asText());
        assertEquals(
                0,
                server.get("/api/pages/" + id + "/versions")
                        .json()
                        .path("versions")
                        .size());
    }

    @Test
    void softDeleteHidesThePageAndFreesItsSlug() {
        String id = server.post("/api/pages", Pages.simple("lifecycle-d"))
                .json()
                .path("id")
                .asText();
        assertEquals(409, server.post("/api/pages", Pages.simple("lifecycle-d")).status());

        assertEquals(204, server.delete("/api/pages/" + id).status());
        Response gone = server.get("/api/pages/" + id);
        assertEquals(404, gone.status());
        assertTrue(gone.json().at("/error/message").asText().contains(id));
        assertEquals(404, server.delete("/api/pages/" + id).status());

        assertEquals(201, server.post("/api/pages", Pages.simple("lifecycle-d")).status());
    }

    @Test
    void everyChangeIsInTheAuditTrailWithWhoWhenAndWhat() {
        String id = server.post("/api/pages", Pages.simple("lifecycle-e"), "X-Venuekit-User", "dave")
                .json()
                .path("id")
                .asText();
        ObjectNode edit = Pages.simple("lifecycle-e");
        ((ObjectNode) edit.at("/components/0/children/0/props")).put("text", "Changed");
        server.put("/api/pages/" + id, edit, "If-Match", "1", "X-Venuekit-User", "erin");
        server.post("/api/pages/" + id + "/publish", null, "X-Venuekit-User", "erin");
        server.post("/api/pages/" + id + "/rollback", "{\"to\":1}", "X-Venuekit-User", "frank");
        server.delete("/api/pages/" + id, "X-Venuekit-User", "grace");

        Response trail = server.get("/api/pages/" + id + "/audit");
        assertEquals(200, trail.status());
        List<String> actions = new ArrayList<>();
        trail.json()
                .path("entries")
                .forEach(e -> actions.add(
                        e.path("actor").asText() + ":" + e.path("action").asText()));
        assertEquals(
                List.of(
                        "grace:page.delete",
                        "frank:page.rollback",
                        "erin:page.publish",
                        "erin:page.update",
                        "dave:page.create"),
                actions);
        JsonNode update = trail.json().path("entries").get(3);
        assertEquals("t1", update.at("/details/changed/0").asText());
        assertFalse(update.path("at").asText().isEmpty());
        assertNotNull(java.time.Instant.parse(update.path("at").asText()));
    }
}
