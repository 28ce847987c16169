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

/** The builder shows the exposures and clicks phones reported (POST /v1/events) per component: a badge in the tree, the figures in the form. */
class BuilderEventCountsBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void theTreeAndTheFormShowEachComponentsExposuresAndClicks(TestInfo info) throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withSeedSample(true));
                Chromium chromium = Chromium.start(1600, 1000)) {
            var sample = server.get("/api/pages").json().at("/pages/0");
            String id = sample.path("id").asText();
            int version = Math.max(1, sample.path("publishedVersion").asInt(1));
            String hero = id + ":hero";
            for (var batch : List.of(
                    Map.of(
                            "batch",
                            "builder-test-1",
                            "page",
                            id,
                            "version",
                            version,
                            "tier",
                            "low",
                            "events",
                            List.of(
                                    Map.of("type", "exposure", "tracking", hero, "count", 1000),
                                    Map.of("type", "click", "tracking", hero, "count", 30))),
                    Map.of(
                            "batch",
                            "builder-test-2",
                            "page",
                            id,
                            "version",
                            version,
                            "tier",
                            "high",
                            "events",
                            List.of(
                                    Map.of("type", "exposure", "tracking", hero, "count", 234),
                                    Map.of("type", "click", "tracking", hero, "count", 4))))) {
                var r = server.post("/v1/events", batch);
                assertEquals(true, r.status() / 100 == 2, r.toString());
            }
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open("http://127.0.0.1:" + server.port() + "/builder/?page=" + id);
                        chromium.waitUntil("!!document.querySelector('.tree-item[data-id=\"hero\"] > .node .stats')");
                        assertEquals(
                                "1.2K · 34",
                                chromium.eval(
                                                "document.querySelector('.tree-item[data-id=\"hero\"] > .node .stats [aria-hidden]').textContent")
                                        .asText());
                        assertEquals(
                                "1234 exposures, 34 clicks",
                                chromium.eval(
                                                "document.querySelector('.tree-item[data-id=\"hero\"] > .node .stats .sr-only').textContent")
                                        .asText());
                        assertEquals(
                                0,
                                chromium.eval(
                                                "document.querySelectorAll('.tree-item[data-id=\"midnight-countdown\"] > .node .stats').length")
                                        .asInt(),
                                "no badge where nothing was counted");

                        chromium.click(".tree-item[data-id=\"hero\"] > .node > .node-label");
                        chromium.waitUntil("!!document.getElementById('event-counts')");
                        String panel = chromium.eval(
                                        "document.getElementById('event-counts').innerText.replace(/\\s+/g, ' ').trim()")
                                .asText();
                        assertEquals(
                                "Seen on phones: 1,234 exposures, 34 clicks (2.8%) Low: 1,000 exposures, 30 clicks (3.0%) High: 234 exposures, 4 clicks (1.7%)",
                                panel);

                        chromium.click(".tree-item[data-id=\"midnight-countdown\"] > .node > .node-label");
                        chromium.waitUntil(
                                "document.getElementById('event-counts')?.textContent === 'No exposures or clicks counted yet.'");
                    },
                    chromium);
        }
    }
}
