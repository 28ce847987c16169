package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, cell by cell: anonymous, merchant A, merchant B and an operator against every
 * kind of route, with {@code AUTH=tokens} and {@code AUTH=gateway}. Merchant B uploading merchant
 * A's very bytes gets an asset of B's own and learns nothing of A's.
 */
class RoleRouteMatrixTest {

    @TempDir
    Path dataDir;

    private record Cell(String route, String role, int expected) {}

    @Test
    void withTokensEachRoleGetsExactlyItsCells() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            Map<String, String[]> as = new LinkedHashMap<>();
            as.put("anonymous", new String[0]);
            as.put("operator", bearer(admin));
            as.put(
                    "merchant-a",
                    bearer(server.post("/api/users", Map.of("name", "shop-a", "role", "merchant"), bearer(admin))
                            .json()
                            .path("token")
                            .asText()));
            as.put(
                    "merchant-b",
                    bearer(server.post("/api/users", Map.of("name", "shop-b", "role", "merchant"), bearer(admin))
                            .json()
                            .path("token")
                            .asText()));
            String pageId = SecurityFixtures.published(server, "matrix", bearer(admin));
            byte[] photo = HostileImages.jpeg(320, 200);
            Response uploadA = upload(server, photo, as.get("merchant-a"));
            assertEquals(202, uploadA.status(), uploadA.toString());
            String assetA = uploadA.json().path("id").asText();

            // the same bytes from B: an asset of B's own, nothing of A's revealed
            Response uploadB = upload(server, photo, as.get("merchant-b"));
            assertEquals(202, uploadB.status(), uploadB.toString());
            String assetB = uploadB.json().path("id").asText();
            assertNotEquals(assetA, assetB, "B gets an asset of their own");
            assertEquals(-1, uploadB.text().indexOf("shop-a"), "B learns nothing of A: " + uploadB);

            List<Cell> cells = new ArrayList<>();
            String[][] routes = {
                {"GET /health", "200", "200", "200", "200"},
                {"GET /v1/venues/matrix/layout", "200", "200", "200", "200"},
                {"GET /venues/matrix", "200", "200", "200", "200"},
                {"GET /api/pages", "401", "200", "403", "403"},
                {"GET /api/pages/" + pageId, "401", "200", "403", "403"},
                {"POST /api/pages/" + pageId + "/publish", "401", "201", "403", "403"},
                {"GET /api/pages/" + pageId + "/preview?tier=low", "401", "200", "403", "403"},
                {"GET /api/components", "401", "200", "403", "403"},
                {"GET /api/users", "401", "200", "403", "403"},
                {"GET /api/session", "401", "200", "200", "200"},
                {"GET /api/assets/" + assetA, "401", "200", "200", "404"},
                {"GET /api/assets/" + assetB, "401", "200", "404", "200"},
                {"PUT /api/assets/" + assetA + "/focus", "401", "202", "202", "404"},
                {"PUT /api/assets/" + assetB + "/focus", "401", "202", "404", "202"},
                {"POST /api/assets/" + assetA + "/retry", "401", "409|202", "409|202", "404"},
            };
            String[] roles = {"anonymous", "operator", "merchant-a", "merchant-b"};
            List<String> wrong = new ArrayList<>();
            for (String[] row : routes) {
                String[] methodPath = row[0].split(" ", 2);
                for (int r = 0; r < roles.length; r++) {
                    Object body = methodPath[1].endsWith("/focus") ? Map.of("x", 0.4, "y", 0.4) : null;
                    Response answer = server.send(methodPath[0], methodPath[1], body, as.get(roles[r]));
                    if (!List.of(row[r + 1].split("\\|")).contains(Integer.toString(answer.status()))) {
                        wrong.add(row[0] + " as " + roles[r] + ": expected " + row[r + 1] + ", got " + answer);
                    }
                }
            }
            assertEquals(List.of(), wrong);

            // lists: each merchant sees exactly their own
            assertEquals(List.of(assetA), ids(server.get("/api/assets", as.get("merchant-a"))));
            assertEquals(List.of(assetB), ids(server.get("/api/assets", as.get("merchant-b"))));
            assertEquals(
                    List.of(assetB),
                    ids(server.get("/api/assets?owner=shop-a", as.get("merchant-b"))),
                    "a merchant's owner= is ignored: they see their own");
        }
    }

    @Test
    void behindAGatewayEveryCallerIsAnOperatorAndUsersDoNotExist() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir))) {
            String pageId = SecurityFixtures.published(server, "gateway-matrix", "X-Venuekit-User", "ops-1");
            String[][] routes = {
                {"GET /api/pages", "200"},
                {"POST /api/pages/" + pageId + "/publish", "201"},
                {"GET /api/users", "404"},
                {"POST /api/session", "404"},
                {"GET /api/session", "200"},
                {"GET /v1/venues/gateway-matrix/layout", "200"},
            };
            List<String> wrong = new ArrayList<>();
            for (String user : new String[] {null, "ops-1"}) {
                String[] headers = user == null ? new String[0] : new String[] {"X-Venuekit-User", user};
                for (String[] row : routes) {
                    String[] methodPath = row[0].split(" ", 2);
                    Object body = row[0].equals("POST /api/session") ? Map.of("token", "x") : null;
                    Response answer = server.send(methodPath[0], methodPath[1], body, headers);
                    if (answer.status() != Integer.parseInt(row[1])) {
                        wrong.add(row[0] + " as " + user + ": expected " + row[1] + ", got " + answer);
                    }
                }
            }
            assertEquals(List.of(), wrong);
            Response audit = server.get("/api/pages/" + pageId + "/audit");
            assertEquals(
                    "ops-1", audit.json().at("/entries/0/actor").asText(), "the gateway's user is audited: " + audit);
        }
    }

    private static List<String> ids(Response list) {
        List<String> ids = new ArrayList<>();
        list.json().path("assets").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static Response upload(TestServer server, byte[] bytes, String[] auth) {
        String boundary = "vkmatrix";
        String[] headers = new String[auth.length + 2];
        System.arraycopy(auth, 0, headers, 0, auth.length);
        headers[auth.length] = "Content-Type";
        headers[auth.length + 1] = "multipart/form-data; boundary=" + boundary;
        return server.post("/api/assets", BadInputCorpusTest.multipart(boundary, "photo.jpg", bytes), headers);
    }
}
