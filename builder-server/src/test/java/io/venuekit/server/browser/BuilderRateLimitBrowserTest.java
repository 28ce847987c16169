package io.venuekit.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.VenuekitServer;
import io.venuekit.server.db.Database;
import io.venuekit.server.ops.RateLimits;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder past the server's builder-write rate limit (429 with Retry-After): the autosave and
 * the previews say that they wait, send again when told, and nothing is lost or stuck.
 */
class BuilderRateLimitBrowserTest {

    @TempDir
    Path dir;

    @Test
    void aRateLimitedSaveAndPreviewWaitAsToldThenGoThrough(TestInfo info) throws Exception {
        // builder writes from one address: 1 a second, a burst of 3 (the bundled limits are 50 and 200)
        ObjectNode limits = (ObjectNode) TestServer.MAPPER.readTree("""
                {"global": {}, "perAddress": {}, "rendersPastLimit": {"perSecond": 20, "burst": 20},
                 "routes": {"builder-write": {"perAddressPerSecond": 1, "perAddressBurst": 3}}}""");
        ServerConfig config = ServerConfig.forTests(dir).withSeedSample(true);
        try (TestServer server = TestServer.wrap(VenuekitServer.start(
                        config, Database.connect(null, dir, "venuekit"), RateLimits.parse(limits)));
                Chromium chromium = Chromium.start(1600, 1000)) {
            String id = server.get("/api/pages").json().at("/pages/0/id").asText();
            int version = server.get("/api/pages/" + id).json().path("version").asInt();
            Screenshots.onFailure(
                    info,
                    () -> {
                        chromium.open("http://127.0.0.1:" + server.port() + "/builder/?page=" + id);
                        chromium.waitUntil("document.querySelectorAll('#previews .budget').length === 3");
                        chromium.click(".tree-item[data-id=\"hero\"] > .node > .node-label");
                        chromium.waitUntil("!!document.getElementById('field-title')");

                        // every text the save status and the previews' notes show, as they change
                        chromium.eval(
                                "window.seen = new Set(); new MutationObserver(() => {"
                                        + " document.querySelectorAll('.preview-waiting').forEach(w => seen.add(w.textContent));"
                                        + " seen.add(document.getElementById('save-status').textContent);"
                                        + " }).observe(document.body, {subtree: true, childList: true, characterData: true}), true");
                        chromium.click("#field-title");
                        chromium.key("a", "KeyA", 65, Chromium.CTRL);
                        // the test takes every builder write the address has left (the browser shares
                        // 127.0.0.1) and keeps taking them while the operator types, so the previews and the
                        // autosave find the bucket empty however slowly the machine runs them
                        try (Drainer drainer = Drainer.start(server, id)) {
                            chromium.type("Rate limited sale");
                            String previewWaited =
                                    "[...seen].some(s => /^The server asks to wait: this preview comes again in \\d+ s$/.test(s))";
                            String saveWaited =
                                    "[...seen].some(s => /^Not saved yet: the server asks to wait; saving again in \\d+ s$/.test(s))";
                            String slipped =
                                    "(!" + previewWaited + " && [...document.querySelectorAll('.preview-frame')]"
                                            + ".every(f => f.contentDocument?.body?.textContent.includes('Rate limited sale')))"
                                            + " || (!" + saveWaited + " && document.getElementById('save-status')"
                                            + ".textContent.startsWith('Saved'))";
                            long deadline = System.nanoTime() + 60_000_000_000L;
                            while (!chromium.eval(previewWaited + " && " + saveWaited)
                                    .asBoolean()) {
                                assertTrue(
                                        System.nanoTime() < deadline,
                                        "never refused: seen " + chromium.eval("[...seen]") + ", the test's own "
                                                + drainer.refusals() + " refusals");
                                if (chromium.eval(slipped).asBoolean()) {
                                    // a request slipped into the moment a token came back before the test took it:
                                    // an edit that changes nothing sends the preview and the save again
                                    chromium.type(" ");
                                    chromium.key("Backspace", "Backspace", 8, 0);
                                }
                                Thread.sleep(100); // a poll interval, not a wait for the condition
                            }
                        }

                        // once the bucket refills, both go through without another edit
                        chromium.waitUntil("document.getElementById('save-status').textContent.startsWith('Saved')");
                        // (a preview that slipped through may already show the text while a later one waits its turn)
                        chromium.waitUntil(
                                "!document.querySelector('.preview-waiting') && [...document.querySelectorAll('.preview-frame')]"
                                        + ".every(f => f.contentDocument?.body?.textContent.includes('Rate limited sale'))");
                        assertEquals(
                                0,
                                chromium.eval("document.querySelectorAll('.preview-waiting').length")
                                        .asInt());
                        JsonNode stored = server.get("/api/pages/" + id).json();
                        assertTrue(
                                stored.path("version").asInt() > version,
                                stored.path("version").toString());
                        assertEquals(
                                "Rate limited sale",
                                stored.path("components").findParents("id").stream()
                                        .filter(c -> c.path("id").asText().equals("hero"))
                                        .findFirst()
                                        .orElseThrow()
                                        .at("/props/title")
                                        .asText());
                    },
                    chromium);
        }
    }

    /** Takes the address's builder writes as fast as they come back, until closed. */
    private static final class Drainer implements AutoCloseable {
        private final Thread thread;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger refusals = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Drainer(TestServer server, String id) {
            thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        TestServer.Response r = server.post(
                                "/api/pages/" + id + "/presence",
                                TestServer.MAPPER.createObjectNode().put("tab", "rate-limit-drainer"));
                        if (r.status() == 429) {
                            refusals.incrementAndGet();
                            Thread.sleep(5); // a poll interval: a token refills every second
                        } else if (r.status() >= 300) {
                            throw new AssertionError("presence answered " + r);
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        }

        static Drainer start(TestServer server, String id) {
            Drainer d = new Drainer(server, id);
            d.thread.start();
            return d;
        }

        int refusals() {
            return refusals.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError("the drainer failed", failure.get());
            }
        }
    }
}
