package io.venuekit.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTest {

    @TempDir
    Path dataDir;

    @Test
    void withTokensOnEveryApiCallNeedsAUserAndMerchantsKeepToTheirOwnPictures() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            assertTrue(admin.startsWith("vk_") && admin.length() > 60, "a long random token for the first operator");

            Response anonymous = server.get("/api/pages");
            assertEquals(401, anonymous.status(), anonymous.toString());
            assertTrue(
                    anonymous.json().at("/error/message").asText().contains("Authorization: Bearer"),
                    anonymous.toString());
            assertEquals(
                    401,
                    server.get("/api/pages", "Authorization", "Bearer vk_nobody")
                            .status());
            assertEquals(
                    401,
                    server.get("/api/pages", "X-Venuekit-User", "admin").status(),
                    "the gateway header is not trusted now");
            assertEquals(200, server.get("/health").status(), "health stays open");
            assertEquals(200, server.get("/v1/schema/layout.json").status(), "the phones' routes stay open");

            Response made = server.post("/api/users", Map.of("name", "acme-shop", "role", "merchant"), bearer(admin));
            assertEquals(201, made.status(), made.toString());
            String merchant = made.json().path("token").asText();
            assertEquals(
                    409,
                    server.post("/api/users", Map.of("name", "acme-shop", "role", "merchant"), bearer(admin))
                            .status());
            assertEquals(
                    400,
                    server.post("/api/users", Map.of("name", "Bad Name", "role", "merchant"), bearer(admin))
                            .status());
            assertEquals(
                    400,
                    server.post("/api/users", Map.of("name", "x", "role", "boss"), bearer(admin))
                            .status());
            JsonNode users = server.get("/api/users", bearer(admin)).json().path("users");
            assertEquals(2, users.size(), users.toString());
            assertFalse(users.toString().contains("token"), "tokens are never listed: " + users);

            Response page = server.post(
                    "/api/pages",
                    Map.of("slug", "spring", "title", "Spring", "components", java.util.List.of()),
                    bearer(merchant));
            assertEquals(403, page.status(), page.toString());
            assertTrue(page.json().at("/error/message").asText().contains("needs an operator"), page.toString());
            assertEquals(
                    403,
                    server.post("/api/users", Map.of("name", "mallory", "role", "operator"), bearer(merchant))
                            .status());

            Response created = server.post(
                    "/api/pages",
                    Map.of("slug", "spring", "title", "Spring", "components", java.util.List.of()),
                    bearer(admin));
            assertEquals(201, created.status(), created.toString());
            JsonNode audit = server.get(
                            "/api/pages/" + created.json().path("id").asText() + "/audit", bearer(admin))
                    .json();
            assertEquals("admin", audit.at("/entries/0/actor").asText(), "the audit names the token's user: " + audit);

            String mine = upload(server, jpeg(Color.ORANGE), merchant);
            String theirs = upload(server, jpeg(Color.BLUE), admin);
            JsonNode listed =
                    server.get("/api/assets?owner=", bearer(merchant)).json().path("assets");
            assertEquals(1, listed.size(), "a merchant lists only their own: " + listed);
            assertEquals(mine, listed.get(0).path("id").asText());
            assertEquals(
                    200, server.get("/api/assets/" + mine, bearer(merchant)).status());
            assertEquals(
                    404,
                    server.get("/api/assets/" + theirs, bearer(merchant)).status(),
                    "another's asset is as if missing");
            assertEquals(
                    404,
                    server.put("/api/assets/" + theirs + "/focus", Map.of("x", 0.5, "y", 0.5), bearer(merchant))
                            .status());
            assertEquals(
                    2,
                    server.get("/api/assets", bearer(admin))
                            .json()
                            .path("assets")
                            .size(),
                    "an operator sees all");
        }
    }

    @Test
    void theBuilderLogsInWithACookieThePreviewFrameCarriesToo() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            assertEquals(
                    401,
                    server.post("/api/session", Map.of("token", "vk_wrong")).status());
            Response session = server.post("/api/session", Map.of("token", admin));
            assertEquals(200, session.status(), session.toString());
            String cookie = session.header("Set-Cookie");
            assertNotNull(cookie);
            assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Strict"), cookie);
            String pair = cookie.substring(0, cookie.indexOf(';'));
            assertEquals(200, server.get("/api/pages", "Cookie", pair).status());
        }
        try (TestServer again = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            assertEquals(
                    200,
                    again.get("/api/pages", bearer(admin)).status(),
                    "a restart keeps the users and the first token");
        }
    }

    @Test
    void withoutTokensTheGatewayNamesTheUserAndThereAreNoUsersToManage() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            assertEquals(200, server.get("/api/pages").status());
            Response users = server.get("/api/users");
            assertEquals(404, users.status(), users.toString());
            assertTrue(users.json().at("/error/message").asText().contains("AUTH=tokens"), users.toString());
            assertFalse(Files.exists(dataDir.resolve("admin-token")));
        }
    }

    private static String upload(TestServer server, byte[] jpeg, String token) {
        Response upload = server.send(
                "POST", "/api/assets", jpeg, "Content-Type", "image/jpeg", "Authorization", "Bearer " + token);
        assertTrue(upload.status() == 202 || upload.status() == 200, upload.toString());
        return upload.json().path("id").asText();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static byte[] jpeg(Color colour) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillOval(20, 12, 24, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
