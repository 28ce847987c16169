package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals answered at upload time, before anything is stored or queued. */
class AssetLimitsTest {

    /** Small enough that a test can send more; the 640 × 480 test images are well under it. */
    private static final long LIMIT = 200 * 1024;

    @TempDir
    static Path dataDir;

    static AssetTestApp app;

    @BeforeAll
    static void start() {
        app = AssetTestApp.start(dataDir, AssetTestApp.Options.defaults().withMaxUploadBytes(LIMIT));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aDecompressionBombHeaderIs413WithoutDecoding() {
        byte[] bomb = TestImages.pngHeaderClaiming(20000, 20000);
        assertTrue(bomb.length < 100, "a few bytes claiming 400 MP");
        TestServer.Response response = app.upload(bomb);
        assertRefused(response, 413, "too-large", "20,000 × 20,000 pixels is over the 50 MP limit");
        assertTrue(message(response).contains("Resize it"), response.toString());
    }

    @Test
    void svgIs415AndSaysToUploadPngOrJpeg() {
        TestServer.Response response = app.upload(TestImages.svg());
        assertRefused(response, 415, "unsupported-type", "SVG");
        assertTrue(message(response).contains("PNG or JPEG"), response.toString());
    }

    @Test
    void randomBytesAre415EvenWhenNamedAndTypedAsJpeg() {
        TestServer.Response response = app.upload(TestImages.randomBytes(4096));
        assertRefused(response, 415, "unsupported-type", "JPEG, PNG");
    }

    @Test
    void aTruncatedJpegIs422() {
        TestServer.Response response = app.upload(TestImages.truncatedJpeg(0.5));
        assertRefused(response, 422, "corrupt", "damaged");
    }

    @Test
    void aBodyOverTheLimitIs413WithTheLimitInTheMessage() {
        TestServer.Response response = app.upload(TestImages.randomBytes((int) LIMIT + 100 * 1024));
        assertRefused(response, 413, "too-large", "upload limit of 200 KB");
    }

    @Test
    void aFileJustOverTheLimitInsideTheEnvelopeIs413Too() {
        byte[] png = TestImages.pngHeaderClaiming(10, 10);
        byte[] padded = java.util.Arrays.copyOf(png, (int) LIMIT + 10);
        TestServer.Response response = app.upload(padded);
        assertRefused(response, 413, "too-large", "limit");
    }

    @Test
    void refusedUploadsLeaveNoAsset() {
        app.upload(TestImages.svg());
        TestServer.Response list = app.get("/api/assets");
        assertEquals(200, list.status(), list.toString());
        assertEquals(0, list.json().path("assets").size(), list.toString());
    }

    private static void assertRefused(TestServer.Response response, int status, String code, String inMessage) {
        assertEquals(status, response.status(), response.toString());
        assertEquals(code, response.json().path("error").path("code").asText(), response.toString());
        assertTrue(message(response).contains(inMessage), response.toString());
    }

    private static String message(TestServer.Response response) {
        return response.json().path("error").path("message").asText();
    }
}
