package io.venuekit.server.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.venuekit.server.Eventually;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import io.venuekit.server.page.MongoPageRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutApiTest {

    static final String LOW_END_UA =
            "Mozilla/5.0 (Linux; Android 7.0; SM-J330F) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/70.0.3538.110 Mobile Safari/537.36";
    static final String FLAGSHIP_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    @TempDir
    static Path dataDir;

    static TestServer server;
    static JsonSchema layoutSchema;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        Response schema = server.get("/v1/schema/layout.json");
        assertEquals(200, schema.status());
        layoutSchema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema.text());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode validLayout(Response response) {
        assertEquals(200, response.status(), response.toString());
        JsonNode payload = response.json();
        Set<ValidationMessage> errors = layoutSchema.validate(payload);
        assertTrue(errors.isEmpty(), "payload breaks the published schema: " + errors);
        return payload;
    }

    static String publish(ObjectNode page) {
        String id = server.post("/api/pages", page).json().path("id").asText();
        Response published = server.post("/api/pages/" + id + "/publish", null);
        assertEquals(201, published.status(), published.toString());
        return id;
    }

    @Test
    void servesThePublishedLayoutWithCachingHeaders() {
        publish(ManyComponents.page("served", 3));
        Response response = server.get("/v1/venues/served/layout", "User-Agent", FLAGSHIP_UA);
        JsonNode payload = validLayout(response);
        assertEquals(1, payload.path("contract").asInt());
        assertEquals("served", payload.at("/page/slug").asText());
        assertEquals(1, payload.at("/page/version").asInt());
        assertNotNull(response.header("ETag"));
        assertTrue(response.header("ETag").startsWith("\""), "strong ETag");
        assertTrue(response.header("Cache-Control").contains("stale-while-revalidate"));
        assertTrue(response.header("Vary").contains("User-Agent"));
        assertTrue(response.header("Accept-CH").contains("Sec-CH-Device-Memory"));

        Response again = server.get(
                "/v1/venues/served/layout", "User-Agent", FLAGSHIP_UA, "If-None-Match", response.header("ETag"));
        assertEquals(304, again.status());
        assertEquals(0, again.bytes().length);
    }

    @Test
    void aLowEndPhoneGetsFewerComponentsUpFrontAndACursorForTheRest() {
        publish(ManyComponents.page("paged", 12));
        JsonNode high =
                validLayout(server.get("/v1/venues/paged/layout", "User-Agent", FLAGSHIP_UA, "Device-Memory", "8"));
        JsonNode low =
                validLayout(server.get("/v1/venues/paged/layout", "User-Agent", LOW_END_UA, "Device-Memory", "1"));
        assertEquals("low", low.at("/device/tier").asText());
        assertTrue(
                low.path("components").size() < high.path("components").size(),
                low.path("components").size() + " vs " + high.path("components").size());
        String cursor = low.path("next").asText();
        assertTrue(!cursor.isEmpty(), "low tier gets a cursor");

        int seen = low.path("components").size();
        while (!cursor.isEmpty()) {
            JsonNode next = validLayout(server.get(
                    "/v1/venues/paged/layout?cursor=" + cursor, "User-Agent", LOW_END_UA, "Device-Memory", "1"));
            seen += next.path("components").size();
            cursor = next.path("next").asText("");
        }
        assertEquals(12, seen, "every module arrives exactly once across the pages");
    }

    @Test
    void aClientHintChangesTheTierAndIsNamedInVary() {
        publish(ManyComponents.page("hinted", 2));
        Response response =
                server.get("/v1/venues/hinted/layout", "User-Agent", FLAGSHIP_UA, "Sec-CH-Device-Memory", "0.5");
        assertEquals("low", validLayout(response).at("/device/tier").asText());
        assertTrue(response.header("Vary").contains("Sec-CH-Device-Memory"), response.header("Vary"));
        assertTrue(response.header("X-Device-Reasons").contains("device-memory"), response.header("X-Device-Reasons"));
    }

    @Test
    void gzipIsServedPrecompressedAndDecodesToTheSameBytes() throws IOException {
        publish(ManyComponents.page("zipped", 4));
        Response plain = server.get("/v1/venues/zipped/layout", "User-Agent", FLAGSHIP_UA);
        Response zipped = server.get("/v1/venues/zipped/layout", "User-Agent", FLAGSHIP_UA, "Accept-Encoding", "gzip");
        assertEquals("gzip", zipped.header("Content-Encoding"));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.bytes())).readAllBytes();
        assertEquals(plain.text(), new String(unzipped, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(plain.header("ETag"), zipped.header("ETag"));
    }

    @Test
    void aNewPublicationIsVisibleAtOnceAndARollbackToo() {
        String id = publish(ManyComponents.page("moving", 2));
        assertEquals(
                1,
                server.get("/v1/venues/moving/layout")
                        .json()
                        .at("/page/version")
                        .asInt());
        ObjectNode edit = ManyComponents.page("moving", 3);
        assertEquals(200, server.put("/api/pages/" + id, edit, "If-Match", "1").status());
        server.post("/api/pages/" + id + "/publish", null);
        assertEquals(
                2,
                server.get("/v1/venues/moving/layout")
                        .json()
                        .at("/page/version")
                        .asInt());
        server.post("/api/pages/" + id + "/rollback", "{\"to\":1}");
        JsonNode rolledBack = server.get("/v1/venues/moving/layout").json();
        assertEquals(3, rolledBack.at("/page/version").asInt());
        assertEquals(2, rolledBack.path("components").size());
    }

    @Test
    void aDeletedPageStopsBeingServed() {
        String id = publish(ManyComponents.page("removed", 2));
        assertEquals(200, server.get("/v1/venues/removed/layout").status());
        server.delete("/api/pages/" + id);
        assertEquals(404, server.get("/v1/venues/removed/layout").status());
    }

    @Test
    void theSetOfPublishedSlugsComesFromLivePublishedPages() {
        publish(ManyComponents.page("listed", 2));
        String gone = publish(ManyComponents.page("listed-then-deleted", 2));
        server.delete("/api/pages/" + gone);
        server.post("/api/pages", ManyComponents.page("draft-only", 2));

        Set<String> slugs =
                new MongoPageRepository(server.server().services().database().db()).publishedSlugs();
        assertTrue(slugs.contains("listed"), slugs.toString());
        assertFalse(slugs.contains("listed-then-deleted"), slugs.toString());
        assertFalse(slugs.contains("draft-only"), slugs.toString());

        server.server().services().published().refresh();
        assertEquals(200, server.get("/v1/venues/listed/layout").status());
        assertEquals(404, server.get("/v1/venues/listed-then-deleted/layout").status());
        assertEquals(404, server.get("/v1/venues/draft-only/layout").status());
        assertEquals(404, server.get("/v1/venues/never-was/layout").status());
    }

    @Test
    void aPageOutsideItsScheduleIsNotServed() {
        ObjectNode future = ManyComponents.page("later", 2);
        future.putObject("schedule")
                .put("start", Instant.now().plusSeconds(86_400).toString())
                .put("end", Instant.now().plusSeconds(2 * 86_400).toString());
        publish(future);
        Response notYet = server.get("/v1/venues/later/layout");
        assertEquals(404, notYet.status(), notYet.toString());
        assertTrue(notYet.json().at("/error/message").asText().length() > 10);

        ObjectNode past = ManyComponents.page("over", 2);
        past.putObject("schedule")
                .put("start", Instant.now().minusSeconds(2 * 86_400).toString())
                .put("end", Instant.now().minusSeconds(86_400).toString());
        publish(past);
        assertEquals(410, server.get("/v1/venues/over/layout").status());
    }

    @Test
    void theSameLayoutRendersToH5HtmlThatNeedsNoScriptOnTheLowTier() {
        publish(ManyComponents.page("h5-venue", 3));
        Response page = server.get("/venues/h5-venue?tier=low", "User-Agent", LOW_END_UA);
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.header("Critical-CH").contains("Device-Memory"));
        String html = page.text();
        assertTrue(html.contains("Module 0"), html);
        assertTrue(html.contains("Venue h5-venue"), html);
        assertTrue(!html.contains("<script"), "the low tier works without JavaScript");
        Response again =
                server.get("/venues/h5-venue?tier=low", "User-Agent", LOW_END_UA, "If-None-Match", page.header("ETag"));
        assertEquals(304, again.status());
    }

    @Test
    void theDraftPreviewRendersHtmlForTheBuilder() {
        String id = server.post("/api/pages", ManyComponents.page("preview-html", 2))
                .json()
                .path("id")
                .asText();
        Response preview = server.get("/api/pages/" + id + "/preview?tier=mid&format=html");
        assertEquals(200, preview.status(), preview.toString());
        assertTrue(preview.text().contains("Module 0"));
    }

    @Test
    void thePreviewsShowMoreLinkStaysAnHtmlPreview() {
        String id = server.post("/api/pages", ManyComponents.page("preview-more", 10))
                .json()
                .path("id")
                .asText();
        Response first = server.get("/api/pages/" + id + "/preview?tier=low&format=html");
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("class=\"vk-more\" href=\"([^\"]+)\"")
                .matcher(first.text());
        assertTrue(more.find(), first.text());
        String href = more.group(1).replace("&amp;", "&");
        assertTrue(href.startsWith("?cursor="), href);
        // what a browser in the builder's frame sends when the link is followed
        Response next = server.get(
                "/api/pages/" + id + "/preview" + href, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, next.status(), next.toString());
        assertTrue(next.header("Content-Type").startsWith("text/html"), next.header("Content-Type"));
        assertTrue(next.text().contains("Module 4") && !next.text().contains("Module 0<"), next.text());
        assertEquals(
                "low",
                validLayout(server.get("/api/pages/" + id + "/preview" + href))
                        .at("/device/tier")
                        .asText(),
                "without a browser's Accept it is the JSON preview");
    }

    @Test
    void unknownVenuesAndBadCursorsGetClearErrors() {
        Response missing = server.get("/v1/venues/no-such-venue/layout");
        assertEquals(404, missing.status());
        assertTrue(missing.json().at("/error/message").asText().contains("no-such-venue"));

        publish(ManyComponents.page("cursed", 2));
        Response bad = server.get("/v1/venues/cursed/layout?cursor=garbage");
        assertEquals(400, bad.status(), bad.toString());
    }

    @Test
    void theDraftPreviewRendersForTheAskedTier() {
        String id = server.post("/api/pages", ManyComponents.page("previewed", 10))
                .json()
                .path("id")
                .asText();
        Response preview = server.get("/api/pages/" + id + "/preview?tier=low");
        JsonNode payload = validLayout(preview);
        assertEquals("low", payload.at("/device/tier").asText());
        assertEquals("no-store", preview.header("Cache-Control"));
        assertEquals(404, server.get("/v1/venues/previewed/layout").status(), "a draft is not published");
    }

    /** A second server on this test's database, as a second instance behind a balancer. */
    private static ServerConfig secondInstance() {
        String uri = server.server().services().database().embeddedConnectionString();
        return new ServerConfig(
                0,
                dataDir.resolve("unused"),
                uri,
                "venuekit",
                Path.of("../models"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES,
                false,
                false,
                ServerConfig.DEFAULT_MAX_UPLOAD_BYTES,
                null,
                "CN",
                false,
                0,
                false,
                null,
                null);
    }

    @Test
    void anotherInstanceStopsNamingVariantsAFocusChangeReplacedWithinSeconds() throws Exception {
        String asset = uploadAndWait(photo());
        ObjectNode page = ManyComponents.page("pictured", 1);
        page.withArray("components")
                .insertObject(0)
                .put("id", "hero")
                .put("type", "hero-banner")
                .put("version", 2)
                .putObject("props")
                .put("title", "Double 11")
                .putObject("image")
                .put("asset", asset);
        publish(page);
        try (TestServer other = TestServer.start(secondInstance())) {
            String before = bannerUrl(other.get("/v1/venues/pictured/layout").text(), asset);
            assertNotNull(before, "the banner names a variant");
            JsonNode crop = cropOf(server.get("/api/assets/" + asset).json(), "2:1");
            double y = crop.path("y").asInt() > 40 ? 0.02 : 0.98; // a focus that moves the 2:1 window
            assertEquals(
                    202,
                    server.put("/api/assets/" + asset + "/focus", "{\"x\": 0.5, \"y\": " + y + "}")
                            .status());
            String after = Eventually.get(
                    () -> bannerUrl(other.get("/v1/venues/pictured/layout").text(), asset),
                    url -> url != null && !url.equals(before),
                    "the other instance to re-render with the new variants");
            assertNotEquals(before, after, "the other instance re-rendered with the new variants");
            assertEquals(200, other.get(after).status());
        }
    }

    private static byte[] photo() throws IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(120, 170, 220));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new java.awt.Color(220, 60, 40));
        g.fillOval(330, 200, 140, 200);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static String uploadAndWait(byte[] jpeg) {
        Response upload = server.send("POST", "/api/assets", jpeg, "Content-Type", "image/jpeg");
        assertEquals(202, upload.status(), upload.toString());
        String id = upload.json().path("id").asText();
        server.awaitAsset(id);
        return id;
    }

    private static JsonNode cropOf(JsonNode asset, String shape) {
        for (JsonNode c : asset.path("crops")) {
            if (shape.equals(c.path("aspect").asText())) return c;
        }
        throw new AssertionError("no " + shape + " crop: " + asset);
    }

    /** The first URL of one of the asset's variants in a payload. */
    private static String bannerUrl(String payload, String asset) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/assets/" + asset + "/[0-9a-f]+\\.(jpg|webp)")
                .matcher(payload);
        return m.find() ? m.group() : null;
    }

    @Test
    void anotherInstanceOnTheSameDatabaseSeesANewPublicationWithinSeconds() throws Exception {
        ServerConfig second = secondInstance();
        String id = publish(ManyComponents.page("shared", 2));
        try (TestServer other = TestServer.start(second)) {
            assertEquals(
                    1,
                    other.get("/v1/venues/shared/layout")
                            .json()
                            .at("/page/version")
                            .asInt());
            server.put("/api/pages/" + id, ManyComponents.page("shared", 3), "If-Match", "1");
            server.post("/api/pages/" + id + "/publish", null);
            int version = Eventually.get(
                    Duration.ofSeconds(10),
                    () -> other.get("/v1/venues/shared/layout")
                            .json()
                            .at("/page/version")
                            .asInt(),
                    v -> v == 2,
                    "the other instance to serve the new version within 10 s");
            assertEquals(2, version, "the other instance serves the new version within 10 s");
        }
    }
}
