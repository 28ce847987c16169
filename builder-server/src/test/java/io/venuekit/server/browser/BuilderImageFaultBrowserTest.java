package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** A publish fault on an image prop links to the image field, and the link focuses it. */
class BuilderImageFaultBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void aFaultLinkOnAPictureFocusesTheImageField(TestInfo info) throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            var created = server.post(
                    "/api/pages",
                    Map.of(
                            "slug",
                            "gone-picture",
                            "title",
                            "Gone picture",
                            "components",
                            List.of(
                                    Map.of(
                                            "id",
                                            "words",
                                            "type",
                                            "rich-text",
                                            "version",
                                            2,
                                            "props",
                                            Map.of("text", "Words"),
                                            "children",
                                            List.of()),
                                    Map.of(
                                            "id",
                                            "pic",
                                            "type",
                                            "image",
                                            "version",
                                            1,
                                            "props",
                                            Map.of("image", Map.of("asset", "nosuchasset0000")),
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
                            chromium.click(".tree-item[data-id=\"words\"] > .node > .node-label");
                            chromium.click("#publish");
                            chromium.waitUntil(
                                    "!!document.querySelector('#publish-faults button[data-field=\"pic/image\"]')");
                            chromium.click("#publish-faults button[data-field=\"pic/image\"]");
                            chromium.waitUntil("document.activeElement?.id === 'field-image'");
                            assertEquals(
                                    "pic",
                                    chromium.eval("document.querySelector('.node.selected').parentElement.dataset.id")
                                            .asText());
                            chromium.waitUntil("!!document.querySelector('#field-image #field-image-picker')");
                            assertEquals(
                                    0,
                                    server.get("/api/pages/" + id + "/versions")
                                            .json()
                                            .path("versions")
                                            .size(),
                                    "nothing was published");
                        },
                        chromium);
            }
        }
    }
}
