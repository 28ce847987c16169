package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 2: a link of kind url accepted any target, and H5 and the preview emitted javascript: hrefs. */
class StoredLinkTest {

    @TempDir
    Path dataDir;

    private static String pageWithLink(String slug, String target) throws Exception {
        return "{\"slug\":\"" + slug
                + "\",\"title\":\"t\",\"components\":[{\"id\":\"pic\",\"type\":\"image\",\"version\":1,"
                + "\"props\":{\"link\":{\"kind\":\"url\",\"target\":" + TestServer.MAPPER.writeValueAsString(target)
                + "}},\"children\":[]}]}";
    }

    @Test
    void hostileTargetsAreRefusedAtSaveWithThePointerOfTheTarget() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            for (String target : new String[] {
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                " javascript:alert(1)",
                "java\tscript:alert(1)",
                "data:text/html,<b>x</b>",
                "vbscript:x",
                "//evil.example/x",
                "http://shop.example/"
            }) {
                Response r = server.post("/api/pages", pageWithLink("bad-link", target));
                assertEquals(400, r.status(), target + ": " + r);
                assertTrue(
                        r.json().at("/error/faults").toString().contains("/components/0/props/link/target"),
                        r.toString());
                Response preview = server.post("/api/preview?tier=high&format=html", pageWithLink("bad-link", target));
                assertEquals(400, preview.status(), "the preview refuses it too: " + preview);
            }
            Response fine = server.post("/api/pages", pageWithLink("good-link", "https://shop.example/deals"));
            assertEquals(201, fine.status(), fine.toString());
            Response relative = server.post("/api/pages", pageWithLink("relative-link", "/venues/other"));
            assertEquals(201, relative.status(), relative.toString());
            Response app = server.post("/api/pages", pageWithLink("app-link", "taobao://item?id=1"));
            assertEquals(201, app.status(), "a listed app scheme: " + app);
        }
    }

    @Test
    void anOperatorsPolicyMayAllowHttpAndTheirOwnAppScheme() throws Exception {
        Path policy = dataDir.resolve("links.json");
        Files.writeString(policy, "{\"allowHttp\": true, \"appSchemes\": [\"myshop\"]}");
        ServerConfig base = ServerConfig.forTests(dataDir);
        ServerConfig config = new ServerConfig(
                base.port(),
                base.dataDir(),
                base.mongoUri(),
                base.databaseName(),
                base.modelsDir(),
                base.maxBodyBytes(),
                base.seedSample(),
                base.benchRoutes(),
                base.maxUploadBytes(),
                base.tierRules(),
                base.defaultRegion(),
                base.authTokens(),
                base.eventLoops(),
                base.warmUp(),
                policy,
                null);
        try (TestServer server = TestServer.start(config)) {
            assertEquals(
                    201,
                    server.post("/api/pages", pageWithLink("http-link", "http://shop.example/"))
                            .status());
            assertEquals(
                    201,
                    server.post("/api/pages", pageWithLink("own-app", "myshop://home"))
                            .status());
            Response taobao = server.post("/api/pages", pageWithLink("other-app", "taobao://item"));
            assertEquals(400, taobao.status(), "only the operator's schemes now: " + taobao);
            Response js = server.post("/api/pages", pageWithLink("js-link", "javascript:alert(1)"));
            assertEquals(400, js.status(), js.toString());
            String html = server.post(
                            "/api/preview?tier=high&format=html", pageWithLink("served-link", "http://shop.example/a"))
                    .text();
            assertTrue(html.contains("href=\"http://shop.example/a\""), html);
            assertFalse(html.toLowerCase().contains("javascript:"), html);
        }
    }
}
