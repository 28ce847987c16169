package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clicking a component in a tier preview selects it in the tree and opens its form; the frames
 * still run no script (sandbox without allow-scripts).
 */
class BuilderPreviewClickBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void clickingAComponentInAPreviewSelectsItInTheTree(TestInfo info) throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            var created = server.post(
                    "/api/pages",
                    Map.of(
                            "slug",
                            "click-me",
                            "title",
                            "Click me",
                            "components",
                            List.of(
                                    Map.of(
                                            "id",
                                            "first-text",
                                            "type",
                                            "rich-text",
                                            "version",
                                            2,
                                            "props",
                                            Map.of("text", "First words"),
                                            "children",
                                            List.of()),
                                    Map.of(
                                            "id",
                                            "second-text",
                                            "type",
                                            "rich-text",
                                            "version",
                                            2,
                                            "props",
                                            Map.of("text", "Second words"),
                                            "children",
                                            List.of()))));
            assertEquals(201, created.status(), created.toString());
            String id = created.json().path("id").asText();

            try (Chromium chromium = Chromium.start(1600, 1000)) {
                Screenshots.onFailure(
                        info,
                        () -> {
                            chromium.open("http://127.0.0.1:" + server.port() + "/builder/?page=" + id);
                            chromium.waitUntil("document.querySelectorAll('.preview-frame').length === 3"
                                    + " && [...document.querySelectorAll('.preview-frame')].every(f => f.contentDocument?.documentElement?.outerHTML.includes('Second words')"
                                    + " && f.contentDocument && f.contentDocument.getElementById('second-text'))");
                            String frame = ".phone[data-tier=\"mid\"] .preview-frame";
                            assertEquals(
                                    "allow-same-origin",
                                    chromium.eval("document.querySelector('" + frame + "').getAttribute('sandbox')")
                                            .asText(),
                                    "same origin for the parent's listener, never allow-scripts");

                            chromium.clickInFrame(frame, "#second-text p");
                            chromium.waitUntil(
                                    "!!document.querySelector('.tree-item[data-id=\"second-text\"] > .node.selected')");
                            chromium.waitUntil(
                                    "(document.getElementById('field-text')?.value || '').startsWith('Second words')");
                            assertFalse(chromium.eval(
                                            "!!document.querySelector('.tree-item[data-id=\"first-text\"] > .node.selected')")
                                    .asBoolean());

                            // any tier's frame selects, and the builder stays where it is
                            chromium.clickInFrame(".phone[data-tier=\"low\"] .preview-frame", "#first-text");
                            chromium.waitUntil(
                                    "!!document.querySelector('.tree-item[data-id=\"first-text\"] > .node.selected')");
                            chromium.clickInFrame(".phone[data-tier=\"high\"] .preview-frame", "#second-text");
                            chromium.waitUntil(
                                    "!!document.querySelector('.tree-item[data-id=\"second-text\"] > .node.selected')");
                            Thread.sleep(300);
                            assertTrue(
                                    chromium.eval(
                                                    "[...document.querySelectorAll('.preview-frame')].every(f => f.contentDocument"
                                                            + " && f.contentDocument.getElementById('second-text'))")
                                            .asBoolean(),
                                    "no frame navigated away");
                            assertTrue(chromium.eval("location.pathname.startsWith('/builder/')")
                                    .asBoolean());
                        },
                        chromium);
            }
        }
    }
}
