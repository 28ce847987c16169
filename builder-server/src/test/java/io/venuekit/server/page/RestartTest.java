package io.venuekit.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.venuekit.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void pagesSnapshotsAndAuditSurviveARestartWithTheSameDataDir() throws Exception {
        String id;
        try (TestServer first = TestServer.start(dataDir)) {
            id = first.post("/api/pages", Pages.simple("durable"))
                    .json()
                    .path("id")
                    .asText();
            first.put("/api/pages/" + id, Pages.simple("durable").put("title", "Kept"), "If-Match", "1");
            assertEquals(201, first.post("/api/pages/" + id + "/publish", null).status());
        }
        try (TestServer second = TestServer.start(dataDir)) {
            TestServer.Response page = second.get("/api/pages/" + id);
            assertEquals(200, page.status(), page.toString());
            assertEquals("Kept", page.json().path("title").asText());
            assertEquals(2, page.json().path("version").asInt());
            assertEquals(
                    1,
                    second.get("/api/pages/" + id + "/versions")
                            .json()
                            .path("versions")
                            .size());
            assertEquals(
                    3,
                    second.get("/api/pages/" + id + "/audit")
                            .json()
                            .path("entries")
                            .size());
            // the unique slug index came back too
            assertEquals(409, second.post("/api/pages", Pages.simple("durable")).status());
        }
    }
}
