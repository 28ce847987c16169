package io.venuekit.server.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H5 page for a phone the server can only guess at carries the probe; its cookie then decides the tier. */
class DeviceProbeTest {

    private static final String UNKNOWN_PHONE =
            "Mozilla/5.0 (Linux; Android 12; QX-7731) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36";
    private static final String KNOWN_LOW_PHONE =
            "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 Chrome/79.0 Mobile Safari/537.36";

    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        var page = Map.of(
                "slug",
                "probe",
                "title",
                "Probe",
                "components",
                List.of(Map.of(
                        "id",
                        "t1",
                        "type",
                        "rich-text",
                        "version",
                        2,
                        "props",
                        Map.of("text", "Hello"),
                        "children",
                        List.of())));
        String id = server.post("/api/pages", page).json().path("id").asText();
        assertEquals(201, server.post("/api/pages/" + id + "/publish", null).status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGuessedPhoneGetsTheProbeAsAFileAndAPrivateAnswer() {
        Response r = server.get("/venues/probe", "User-Agent", UNKNOWN_PHONE);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.text().contains(LayoutHandler.PROBE_TAG.trim()), r.text());
        assertTrue(r.header("Cache-Control").startsWith("private"), r.header("Cache-Control"));
        assertTrue(
                r.header("Content-Security-Policy").contains("script-src 'self'"), r.header("Content-Security-Policy"));
        Response script = server.get("/static/vk-probe.js");
        assertEquals(200, script.status());
        assertTrue(script.text().contains("vk_dev="), script.text());
        assertTrue(script.header("Content-Type").contains("javascript"), script.header("Content-Type"));

        Response known = server.get("/venues/probe", "User-Agent", KNOWN_LOW_PHONE);
        assertFalse(known.text().contains("vk-probe.js"), "a phone the tables know is not probed");
        assertTrue(known.header("Cache-Control").startsWith("public"), known.header("Cache-Control"));
    }

    @Test
    void theProbesCookieDecidesTheTierOfLaterPagesAndLayouts() {
        Response strong = server.get(
                "/venues/probe", "User-Agent", UNKNOWN_PHONE, "Cookie", "a=b; vk_dev=v1_m8_c8_s412x915_d2.625_e4g");
        assertEquals(200, strong.status());
        assertFalse(strong.text().contains("vk-probe.js"), "measured once is enough");
        assertTrue(strong.header("X-Device-Reasons").contains("probe"), strong.header("X-Device-Reasons"));
        assertTrue(strong.header("Vary").contains("Cookie"), strong.header("Vary"));
        assertTrue(strong.header("Cache-Control").startsWith("private"), strong.header("Cache-Control"));

        Response weak = server.get("/v1/venues/probe/layout", "User-Agent", UNKNOWN_PHONE, "Cookie", "vk_dev=v1_m1_c2");
        assertEquals("low", weak.json().at("/device/tier").asText(), weak.toString());
        Response high = server.get("/v1/venues/probe/layout", "User-Agent", UNKNOWN_PHONE, "Cookie", "vk_dev=v1_m8_c8");
        assertEquals("high", high.json().at("/device/tier").asText(), high.toString());
        Response garbage =
                server.get("/v1/venues/probe/layout", "User-Agent", UNKNOWN_PHONE, "Cookie", "vk_dev=%00<script>");
        assertEquals(200, garbage.status(), "a cookie that does not parse is ignored: " + garbage);
    }
}
