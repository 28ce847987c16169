package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class PageValidationTest {

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

    private static List<String> pointers(JsonNode faults) {
        List<String> list = new ArrayList<>();
        faults.forEach(f -> list.add(f.path("pointer").asText()));
        return list;
    }

    @Test
    void duplicateComponentIdsAreRefusedWithThePointerOfTheSecond() {
        ObjectNode page = Pages.simple("dup-ids");
        ((ObjectNode) page.at("/components/1")).put("id", "t1");
        Response response = server.post("/api/pages", page);
        assertEquals(400, response.status(), response.toString());
        assertEquals("invalid-document", response.json().at("/error/code").asText());
        JsonNode fault = response.json().at("/error/faults/0");
        assertEquals("duplicate-id", fault.path("code").asText());
        assertEquals("/components/1/id", fault.path("pointer").asText());
        assertTrue(fault.path("message").asText().contains("t1"), fault.toString());
        assertEquals("error", fault.path("severity").asText(), "a fault that refuses the save says so");
        server.get("/api/pages")
                .json()
                .path("pages")
                .forEach(p -> assertTrue(!"dup-ids".equals(p.path("slug").asText()), "nothing was stored"));
    }

    @Test
    void missingFieldsAreRefusedAllAtOnce() {
        ObjectNode page = Pages.simple("missing");
        page.remove("slug");
        page.remove("title");
        Response response = server.post("/api/pages", page);
        assertEquals(400, response.status(), response.toString());
        List<String> pointers = pointers(response.json().at("/error/faults"));
        assertTrue(pointers.contains("/slug") || pointers.contains(""), pointers.toString());
        assertEquals(2, response.json().at("/error/faults").size(), response.toString());
    }

    @Test
    void aComponentWithoutAnIdIsRefused() {
        ObjectNode page = Pages.simple("no-id");
        ((ObjectNode) page.at("/components/1")).remove("id");
        Response response = server.post("/api/pages", page);
        assertEquals(400, response.status(), response.toString());
        assertTrue(response.text().contains("/components/1"), response.toString());
    }

    @Test
    void aDraftKeepsPropFaultsAsWarningsButPublishingRefusesThem() {
        ObjectNode page = Pages.simple("warned");
        ((ObjectNode) page.at("/components/1/props")).put("height", "tall");
        ObjectNode unknown = ((com.fasterxml.jackson.databind.node.ArrayNode) page.get("components")).addObject();
        unknown.put("id", "x1").put("type", "hologram").put("version", 1).putObject("props");

        Response created = server.post("/api/pages", page);
        assertEquals(201, created.status(), created.toString());
        List<String> warned = pointers(created.json().path("warnings"));
        assertTrue(warned.contains("/components/1/props/height"), warned.toString());
        assertTrue(warned.stream().anyMatch(p -> p.startsWith("/components/2")), warned.toString());
        JsonNode height = java.util.stream.StreamSupport.stream(
                        created.json().path("warnings").spliterator(), false)
                .filter(w -> w.path("pointer").asText().equals("/components/1/props/height"))
                .findFirst()
                .orElseThrow();
        assertEquals("warning", height.path("severity").asText(), height.toString());
        assertEquals("the text \"tall\"", height.path("actual").asText(), height.toString());
        assertTrue(height.path("expected").isTextual(), height.toString());

        String id = created.json().path("id").asText();
        Response publish = server.post("/api/pages/" + id + "/publish", null);
        assertEquals(422, publish.status(), publish.toString());
        assertEquals("page-invalid", publish.json().at("/error/code").asText());
        List<String> refused = pointers(publish.json().at("/error/faults"));
        assertTrue(refused.contains("/components/1/props/height"), refused.toString());
        assertTrue(publish.text().contains("hologram"), publish.toString());
        assertEquals(
                0,
                server.get("/api/pages/" + id + "/versions")
                        .json()
                        .path("versions")
                        .size());
    }

    @Test
    void aPublishedSnapshotPinsComponentVersions() {
        String id = server.post("/api/pages", Pages.simple("pinned"))
                .json()
                .path("id")
                .asText();
        JsonNode snapshot = server.post("/api/pages/" + id + "/publish", null).json();
        assertEquals(2, snapshot.at("/componentVersions/rich-text").asInt(), snapshot.toString());
        assertEquals(1, snapshot.at("/componentVersions/section").asInt(), snapshot.toString());
    }
}
