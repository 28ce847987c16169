package io.venuekit.server.browser;

import static io.venuekit.server.browser.LibraryBrowserTest.PIPELINE;
import static io.venuekit.server.browser.LibraryBrowserTest.count;
import static io.venuekit.server.browser.LibraryBrowserTest.jpeg;
import static io.venuekit.server.browser.LibraryBrowserTest.onFailureScreenshot;
import static io.venuekit.server.browser.LibraryBrowserTest.open;
import static io.venuekit.server.browser.LibraryBrowserTest.quote;
import static io.venuekit.server.browser.LibraryBrowserTest.scene;
import static io.venuekit.server.browser.LibraryBrowserTest.text;
import static io.venuekit.server.browser.LibraryBrowserTest.uploadAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.ServerConfig;
import io.venuekit.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** With AUTH=tokens, a merchant signs in to the library with their token and sees, opens and uploads only their own pictures. */
class LibraryMerchantBrowserTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    @Test
    void aMerchantSignsInAndSeesOnlyTheirOwnPictures(TestInfo test) throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.forTests(dataDir).withAuthTokens(true))) {
            String admin = Files.readString(dataDir.resolve("admin-token")).trim();
            String acme = merchant(server, admin, "acme-shop");
            String globex = merchant(server, admin, "globex-shop");
            String mine = uploadAndWait(server, jpeg(scene(11, null)), "Authorization", "Bearer " + acme);
            String theirs = uploadAndWait(server, jpeg(scene(12, null)), "Authorization", "Bearer " + globex);
            Path own = Files.write(files.resolve("new arrivals.jpg"), jpeg(scene(13, null)));

            try (Chromium chromium = open("http://127.0.0.1:" + server.port() + "/library/")) {
                onFailureScreenshot(chromium, test, () -> {
                    chromium.waitFor(() -> !chromium.evalQuietly("document.getElementById('vk-sign-in').hidden")
                            .asBoolean(true));
                    assertTrue(
                            chromium.eval("document.getElementById('vk-main').hidden")
                                    .asBoolean(),
                            "nothing but the sign-in");
                    assertEquals(
                            "vk-token",
                            chromium.eval("document.activeElement.id").asText(),
                            "the token field has the focus");

                    signIn(chromium, "vk_not-a-token");
                    chromium.waitFor(() -> !text(chromium, "#vk-sign-in-error").isEmpty());
                    assertTrue(
                            text(chromium, "#vk-sign-in-error").startsWith("That token was not accepted"),
                            text(chromium, "#vk-sign-in-error"));

                    signIn(chromium, acme);
                    chromium.waitFor(() -> count(chromium, "#vk-grid .vk-card") >= 1);
                    assertEquals(List.of(mine), ids(chromium), "only acme's own picture");
                    assertTrue(text(chromium, "#vk-who").startsWith("acme-shop"), text(chromium, "#vk-who"));
                    assertEquals(
                            "",
                            chromium.eval("document.cookie").asText(),
                            "no token or session within reach of scripts");

                    chromium.eval("location.hash = " + quote("#/asset/" + theirs));
                    chromium.waitFor(() -> count(chromium, ".vk-asset-status.vk-error") == 1);
                    assertEquals(0, count(chromium, "#vk-source"), "another merchant's picture is not shown");
                    assertFalse(text(chromium, ".vk-asset").contains("globex"), "nor its owner named");

                    chromium.eval("location.hash = '#/'");
                    chromium.waitFor(() -> count(chromium, ".vk-toolbar input[type=file]") == 1
                            && !chromium.evalQuietly("document.querySelector('.vk-library').hidden")
                                    .asBoolean(true));
                    chromium.setFileInputFiles(".vk-toolbar input[type=file]", List.of(own));
                    chromium.waitFor(
                            PIPELINE,
                            () -> count(chromium, "#vk-uploads .vk-upload[data-state=ready]") == 1
                                    || count(chromium, "#vk-uploads .vk-upload[data-state=refused]") == 1);
                    assertEquals(
                            1,
                            count(chromium, "#vk-uploads .vk-upload[data-state=ready]"),
                            text(chromium, "#vk-uploads"));
                    String uploaded = chromium.eval("document.querySelector('#vk-uploads .vk-upload').dataset.asset")
                            .asText();
                    assertEquals(
                            "acme-shop",
                            server.get("/api/assets/" + uploaded, "Authorization", "Bearer " + admin)
                                    .json()
                                    .path("owner")
                                    .asText(),
                            "the upload is acme's");
                    chromium.waitFor(() -> count(chromium, "#vk-grid .vk-card") == 2);

                    chromium.eval("document.getElementById('vk-sign-out').click()");
                    chromium.waitFor(() -> !chromium.evalQuietly("document.getElementById('vk-sign-in').hidden")
                            .asBoolean(true));
                    assertEquals(0, count(chromium, "#vk-grid .vk-card"), "the pictures go with the session");
                    assertEquals(
                            401,
                            chromium.eval("fetch('/api/assets').then(r => r.status)")
                                    .asInt(),
                            "signed out on the server too");
                    assertEquals(
                            0,
                            chromium.eval("window.vkCsp.length").asInt(),
                            "no CSP violations: " + chromium.eval("window.vkCsp"));
                });
            }
        }
    }

    private static void signIn(Chromium chromium, String token) throws Exception {
        chromium.eval("document.getElementById('vk-token').value = " + quote(token) + ";"
                + " document.getElementById('vk-sign-in-button').click()");
    }

    private static List<String> ids(Chromium chromium) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        chromium.eval("[...document.querySelectorAll('#vk-grid .vk-card')].map(c => c.dataset.id)")
                .forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String merchant(TestServer server, String admin, String name) {
        TestServer.Response made =
                server.post("/api/users", Map.of("name", name, "role", "merchant"), "Authorization", "Bearer " + admin);
        assertEquals(201, made.status(), made.toString());
        return made.json().path("token").asText();
    }
}
