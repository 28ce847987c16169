package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, finding 3: the same bytes from two merchants are two assets; neither learns of the other's. */
class AssetOwnershipTest {

    @TempDir
    Path dataDir;

    @Test
    void theSameBytesFromAnotherMerchantMakeTheirOwnAssetAndRevealNothing() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            String a = merchant(server, admin, "shop-alpha");
            String b = merchant(server, admin, "shop-bravo");
            byte[] photo = TestImages.centredJpeg(70);

            Response first = upload(server, photo, a);
            assertEquals(202, first.status(), first.toString());
            String alphas = first.json().path("id").asText();
            JsonNode alphaReady = awaitReady(server, alphas, a);

            Response second = upload(server, photo, b);
            assertEquals(202, second.status(), "a new asset for B, as for any new upload: " + second);
            String bravos = second.json().path("id").asText();
            assertNotEquals(alphas, bravos, second.toString());
            assertFalse(second.text().contains("shop-alpha"), "B learns nothing of A: " + second);
            assertEquals("shop-bravo", second.json().path("owner").asText(), second.toString());

            assertEquals(404, server.get("/api/assets/" + alphas, bearer(b)).status(), "A's asset stays A's");
            Response focus = server.put("/api/assets/" + alphas + "/focus", Map.of("x", 0.1, "y", 0.1), bearer(b));
            assertEquals(404, focus.status(), focus.toString());
            JsonNode alphaAfter = server.get("/api/assets/" + alphas, bearer(a)).json();
            assertEquals("[\"shop-alpha\"]", alphaAfter.path("owners").toString(), alphaAfter.toString());
            assertTrue(alphaAfter.path("focus").isNull(), "A's focus is untouched: " + alphaAfter);
            assertEquals(alphaReady.path("variants"), alphaAfter.path("variants"));

            JsonNode bravoReady = awaitReady(server, bravos, b);
            assertEquals("[\"shop-bravo\"]", bravoReady.path("owners").toString(), bravoReady.toString());
            assertFalse(bravoReady.toString().contains("shop-alpha"), bravoReady.toString());
            assertEquals(
                    200,
                    server.get(bravoReady.path("variants").get(0).path("url").asText())
                            .status());
            JsonNode listed = server.get("/api/assets", bearer(b)).json().path("assets");
            assertEquals(1, listed.size(), listed.toString());
            assertEquals(bravos, listed.get(0).path("id").asText());

            Response again = upload(server, photo, b);
            assertEquals(200, again.status(), "the same uploader's same bytes are their existing asset: " + again);
            assertEquals(bravos, again.json().path("id").asText());
            assertEquals(
                    2,
                    server.get("/api/assets", bearer(admin))
                            .json()
                            .path("assets")
                            .size(),
                    "an operator sees both");
        }
    }

    private static String merchant(TestServer server, String admin, String name) {
        Response made = server.post("/api/users", Map.of("name", name, "role", "merchant"), bearer(admin));
        assertEquals(201, made.status(), made.toString());
        return made.json().path("token").asText();
    }

    private static Response upload(TestServer server, byte[] jpeg, String token) {
        return server.send(
                "POST", "/api/assets", jpeg, "Content-Type", "image/jpeg", "Authorization", "Bearer " + token);
    }

    private static JsonNode awaitReady(TestServer server, String id, String token) {
        return server.awaitAsset(id, bearer(token));
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
