package io.venuekit.server.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/preview?tiers=…}: every tier of an unsaved document in one answer, as the builder shows them. */
class PreviewTiersTest {

    @TempDir
    static Path dataDir;

    static TestServer server;

    private static final String DOC = """
            {"slug": "unsaved", "title": "Unsaved", "components": [
              {"id": "t1", "type": "rich-text", "version": 2, "props": {"text": "Fresh text"}, "children": []}]}""";

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersEachTierAsTheOneTierPreviewDoes() {
        Response all = server.post("/api/preview?tiers=low,mid,high", DOC);
        assertEquals(200, all.status(), all.toString());
        assertEquals(List.of("low", "mid", "high"), fieldNames(all.json()));
        for (String tier : List.of("low", "mid", "high")) {
            JsonNode one = server.post("/api/preview?tier=" + tier + "&format=both", DOC)
                    .json();
            JsonNode mine = all.json().path(tier);
            assertEquals(tier, mine.at("/layout/device/tier").asText());
            assertEquals(one.path("html").asText(), mine.path("html").asText(), tier);
            assertEquals(one.path("layout"), mine.path("layout"), tier);
            assertTrue(mine.path("html").asText().contains("Fresh text"));
        }
    }

    @Test
    void givesEachTiersByteSizesAsAPhoneGetsThem() {
        JsonNode all = server.post("/api/preview?tiers=low,high", DOC).json();
        for (String tier : List.of("low", "high")) {
            JsonNode mine = all.path(tier);
            byte[] layout = server.post("/api/preview?tier=" + tier + "&format=json", DOC)
                    .bytes();
            assertEquals(layout.length, mine.path("jsonBytes").asInt(), tier);
            assertEquals(
                    mine.path("html").asText().getBytes(StandardCharsets.UTF_8).length,
                    mine.path("htmlBytes").asInt(),
                    tier);
        }
    }

    @Test
    void answersASavedDraftsTiersWithItsVersion() {
        Response saved = server.post("/api/pages", DOC);
        assertEquals(201, saved.status(), saved.toString());
        String id = saved.json().path("id").asText();
        Response draft = server.get("/api/pages/" + id + "/preview?tiers=low,mid,high");
        assertEquals(200, draft.status(), draft.toString());
        assertEquals("\"" + saved.json().path("version").asInt() + "\"", draft.header("ETag"));
        assertEquals(List.of("low", "mid", "high"), fieldNames(draft.json()));
        for (String tier : List.of("low", "mid", "high")) {
            JsonNode one = server.get("/api/pages/" + id + "/preview?tier=" + tier + "&format=both")
                    .json();
            JsonNode mine = draft.json().path(tier);
            assertEquals(tier, mine.at("/layout/device/tier").asText());
            assertEquals(one.path("html").asText(), mine.path("html").asText(), tier);
            assertTrue(mine.path("html").asText().contains("Fresh text"));
        }
        assertEquals(404, server.get("/api/pages/pg_nope/preview?tiers=low").status());
        assertEquals(
                400, server.get("/api/pages/" + id + "/preview?tiers=low,ultra").status());
    }

    @Test
    void refusesAnUnknownTierAndABrokenDocumentWithTheirFaults() {
        Response bad = server.post("/api/preview?tiers=low,ultra", DOC);
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("bad-tier", bad.json().at("/error/code").asText(), bad.toString());
        Response broken = server.post(
                "/api/preview?tiers=low,high", "{\"slug\": \"x\", \"title\": \"x\", \"components\": [{\"type\": 5}]}");
        assertEquals(400, broken.status(), broken.toString());
        assertTrue(
                broken.json().at("/error/faults").toString().contains("\"pointer\":\"/components/0/type\""),
                broken.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
