package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Leaving the editor while an edit is not saved asks first; staying keeps the edit. */
class BuilderLeaveBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void leavingWithAnUnsavedEditAsksFirstAndStayingKeepsIt(TestInfo info) throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            var created = server.post(
                    "/api/pages",
                    Map.of(
                            "slug",
                            "leave-me",
                            "title",
                            "Leave me",
                            "components",
                            List.of(Map.of(
                                    "id",
                                    "words",
                                    "type",
                                    "rich-text",
                                    "version",
                                    2,
                                    "props",
                                    Map.of("text", "Kept words"),
                                    "children",
                                    List.of()))));
            assertEquals(201, created.status(), created.toString());
            String id = created.json().path("id").asText();

            try (Chromium chromium = Chromium.start(1600, 1000)) {
                Screenshots.onFailure(
                        info,
                        () -> {
                            chromium.open("http://127.0.0.1:" + server.port() + "/builder/?page=" + id);
                            chromium.waitUntil("!!document.querySelector('.tree-item[data-id=\"words\"]')");
                            // no save reaches the server, so the edit stays unsaved
                            chromium.send("Network.enable", Map.of());
                            chromium.send("Network.setBlockedURLs", Map.of("urls", List.of("*/api/pages/*")));
                            chromium.click(".tree-item[data-id=\"words\"] > .node > .node-label");
                            chromium.waitUntil("!!document.getElementById('field-text')");
                            chromium.click("#field-text");
                            chromium.type(" and more");
                            chromium.waitUntil("document.getElementById('field-text').value === 'Kept words and more'");

                            chromium.send("Page.enable", Map.of());
                            chromium.sendLater("Page.reload", Map.of());
                            JsonNode dialog = chromium.nextDialog();
                            assertNotNull(dialog, "a reload with an unsaved edit asks first");
                            assertEquals("beforeunload", dialog.path("type").asText(), dialog.toString());
                            chromium.send("Page.handleJavaScriptDialog", Map.of("accept", false));

                            assertEquals(
                                    "Kept words and more",
                                    chromium.eval("document.getElementById('field-text').value")
                                            .asText(),
                                    "staying keeps the edit");
                            assertEquals(
                                    "Kept words",
                                    server.get("/api/pages/" + id)
                                            .json()
                                            .at("/components/0/props/text")
                                            .asText(),
                                    "and it was never saved");
                        },
                        chromium);
            }
        }
    }
}
