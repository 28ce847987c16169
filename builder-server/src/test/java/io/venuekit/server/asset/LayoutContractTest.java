package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.server.Eventually;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, the contract as a client sees it over HTTP: one body per tier, provisional renders
 * marked in their cache headers, cursors that survive a republish, sticky experiment variants.
 * (In this package for the test images the provisional case uploads.)
 */
class LayoutContractTest {

    /** Three low-end phones the device table knows (two families, so two reasons). */
    private static final String[] LOW_END_UAS = {
        "Mozilla/5.0 (Linux; Android 7.0; SM-J330F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.110 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 Chrome/79.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260G) AppleWebKit/537.36 Chrome/79.0.3945.136 Mobile Safari/537.36"
    };

    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(ServerConfig.forTests(dataDir));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void requestsResolvingToTheSameTierGetTheSameBytesAndEtag() {
        publish(page("same-bytes", 4));
        Set<String> etags = new HashSet<>();
        Set<String> reasons = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (String ua : LOW_END_UAS) {
            Response r = server.get("/v1/venues/same-bytes/layout", "User-Agent", ua);
            assertEquals(200, r.status(), r.toString());
            assertTrue(r.header("X-Device-Tier").startsWith("low"), ua + ": " + r.header("X-Device-Tier"));
            etags.add(r.header("ETag"));
            reasons.add(r.header("X-Device-Reasons"));
            bodies.add(r.text());
            assertFalse(r.json().path("device").has("reasons"), "reasons travel in the header only");
        }
        assertTrue(reasons.size() >= 2, "the phones were recognised by different reasons: " + reasons);
        assertEquals(1, etags.size(), etags.toString());
        assertEquals(1, bodies.size());
    }

    @Test
    void aRenderThatMetAnImageStillBeingProcessedSaysSoInItsCacheHeaders() throws Exception {
        // published while the upload is still processing (detection and 48 files take far longer than a publish)
        Response upload = server.send("POST", "/api/assets", TestImages.jpeg(91), "Content-Type", "image/jpeg");
        assertEquals(202, upload.status(), upload.toString());
        String asset = upload.json().path("id").asText();
        ObjectNode page =
                TestServer.MAPPER.createObjectNode().put("slug", "provisional").put("title", "Provisional");
        ObjectNode props = page.putArray("components")
                .addObject()
                .put("id", "hero")
                .put("type", "hero-banner")
                .put("version", 2)
                .putObject("props")
                .put("title", "Hero");
        props.putObject("image").put("asset", asset);
        page.withArray("components").get(0).withArray("children");
        publish(page);

        Response first = server.get("/v1/venues/provisional/layout");
        assertEquals(200, first.status(), first.toString());
        assertFalse(first.json().path("warnings").isEmpty(), "the image is still being processed: " + first.text());
        assertEquals(
                "public, max-age=2",
                first.header("Cache-Control"),
                "provisional: short, and no long stale-while-revalidate");

        Response complete = Eventually.get(
                () -> server.get("/v1/venues/provisional/layout"),
                r -> r.json().path("warnings").isEmpty(),
                "the image to be processed");
        assertTrue(
                complete.header("Cache-Control").contains("stale-while-revalidate=300"),
                complete.header("Cache-Control"));
    }

    @Test
    void aCursorOutlivesARepublishOfItsPage() {
        String id = publish(page("scrolling", 30));
        Response first = server.get("/v1/venues/scrolling/layout?tier=low");
        String cursor = first.json().path("next").asText("");
        assertFalse(cursor.isEmpty(), "the low tier pages");
        Set<String> seen = new HashSet<>();
        first.json().path("components").forEach(c -> seen.add(c.path("id").asText()));

        ObjectNode changed = page("scrolling", 3);
        Response saved = server.put("/api/pages/" + id, changed, "If-Match", "1");
        assertEquals(200, saved.status(), saved.toString());
        assertEquals(201, server.post("/api/pages/" + id + "/publish", null).status());
        assertEquals(
                2,
                server.get("/v1/venues/scrolling/layout?tier=low")
                        .json()
                        .at("/page/version")
                        .asInt());

        // the phone goes on scrolling version 1 to its end
        int pages = 0;
        while (!cursor.isEmpty()) {
            Response next = server.get("/v1/venues/scrolling/layout?tier=low&cursor=" + cursor);
            assertEquals(200, next.status(), next.toString());
            assertEquals(
                    1, next.json().at("/page/version").asInt(), "served from the snapshot the cursor was cut from");
            next.json()
                    .path("components")
                    .forEach(c -> assertTrue(seen.add(c.path("id").asText()), "no module twice"));
            cursor = next.json().path("next").asText("");
            pages++;
        }
        assertTrue(pages >= 1);
        assertEquals(30, seen.size(), "the whole of version 1 was reachable: " + seen);
    }

    @Test
    void anExperimentShowsEachUserOneStickyVariantNamedInThePayload() {
        ObjectNode page = TestServer.MAPPER
                .createObjectNode()
                .put("slug", "experimenting")
                .put("title", "Experimenting");
        ObjectNode experiment = page.putArray("components")
                .addObject()
                .put("id", "hero-test")
                .put("type", "experiment")
                .put("version", 1);
        ArrayNode variants = experiment.putObject("props").putArray("variants");
        variants.addObject().put("name", "control").put("share", 50);
        variants.addObject().put("name", "big-type").put("share", 50);
        ArrayNode children = experiment.putArray("children");
        children.addObject()
                .put("id", "copy-a")
                .put("type", "rich-text")
                .put("version", 2)
                .putObject("props")
                .put("text", "Deals");
        children.addObject()
                .put("id", "copy-b")
                .put("type", "rich-text")
                .put("version", 2)
                .putObject("props")
                .put("text", "# DEALS");
        children.forEach(c -> ((ObjectNode) c).putArray("children"));
        publish(page);

        Map<String, String> variantByUser = new HashMap<>();
        Map<String, String> etagByVariant = new HashMap<>();
        for (int u = 0; u < 40; u++) {
            String user = "user-" + u;
            Response r = server.get("/v1/venues/experimenting/layout", "X-Venuekit-User-Id", user);
            assertEquals(200, r.status(), r.toString());
            JsonNode shown = r.json().at("/components/0");
            String variant = shown.at("/tracking/variant").asText();
            assertEquals("hero-test", shown.at("/tracking/experiment").asText());
            assertTrue(shown.at("/tracking/slot").asText().endsWith(":hero-test"), shown.toString());
            assertEquals(
                    variant.equals("control") ? "copy-a" : "copy-b",
                    shown.path("id").asText());
            assertEquals("hero-test=" + variant, r.header("X-Venuekit-Variants"));
            assertTrue(r.header("Vary").contains("X-Venuekit-User-Id"), r.header("Vary"));
            variantByUser.put(user, variant);
            String etag = etagByVariant.putIfAbsent(variant, r.header("ETag"));
            assertTrue(etag == null || etag.equals(r.header("ETag")), "one body per variant, shared by its users");
            Response again = server.get("/v1/venues/experimenting/layout", "X-Venuekit-User-Id", user);
            assertEquals(
                    variant, again.json().at("/components/0/tracking/variant").asText(), "sticky");
        }
        assertEquals(Set.of("control", "big-type"), Set.copyOf(variantByUser.values()), "both variants get traffic");
        assertNotEquals(etagByVariant.get("control"), etagByVariant.get("big-type"));
        // no id: the control, and a page without experiments does not vary by user
        assertEquals(
                "control",
                server.get("/v1/venues/experimenting/layout")
                        .json()
                        .at("/components/0/tracking/variant")
                        .asText());
        publish(page("no-experiment", 2));
        Response plain = server.get("/v1/venues/no-experiment/layout", "X-Venuekit-User-Id", "user-1");
        assertFalse(plain.header("Vary").contains("X-Venuekit-User-Id"), plain.header("Vary"));
        assertNull(plain.header("X-Venuekit-Variants"));
    }

    @Test
    void anExperimentWhoseSharesDoNotAddUpIsRefusedWithItsPointer() {
        ObjectNode page = TestServer.MAPPER
                .createObjectNode()
                .put("slug", "bad-experiment")
                .put("title", "Bad");
        ObjectNode experiment = page.putArray("components")
                .addObject()
                .put("id", "x")
                .put("type", "experiment")
                .put("version", 1);
        ArrayNode variants = experiment.putObject("props").putArray("variants");
        variants.addObject().put("name", "a").put("share", 50);
        variants.addObject().put("name", "b").put("share", 40);
        ArrayNode children = experiment.putArray("children");
        children.addObject()
                .put("id", "a")
                .put("type", "spacer")
                .put("version", 1)
                .putArray("children");
        children.addObject()
                .put("id", "b")
                .put("type", "spacer")
                .put("version", 1)
                .putArray("children");
        String id = server.post("/api/pages", page).json().path("id").asText();
        Response refused = server.post("/api/pages/" + id + "/publish", null);
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.text().contains("/components/0/props/variants"), refused.text());
        assertTrue(refused.text().contains("shares-not-100"), refused.text());
    }

    private static ObjectNode page(String slug, int n) {
        ObjectNode page = TestServer.MAPPER.createObjectNode().put("slug", slug).put("title", "Venue " + slug);
        ArrayNode components = page.putArray("components");
        for (int i = 0; i < n; i++) {
            ObjectNode c = components
                    .addObject()
                    .put("id", "c" + i)
                    .put("type", "rich-text")
                    .put("version", 2);
            c.putObject("props").put("text", "Module " + i);
            c.putArray("children");
        }
        return page;
    }

    private static String publish(ObjectNode page) {
        Response created = server.post("/api/pages", page);
        assertEquals(201, created.status(), created.toString());
        String id = created.json().path("id").asText();
        Response published = server.post("/api/pages/" + id + "/publish", null);
        assertEquals(201, published.status(), published.toString());
        return id;
    }
}
