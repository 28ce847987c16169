package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.server.Eventually;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layouts are cached under the version of the assets they name: a picture becoming ready moves its own
 * version only, so an upload no page uses leaves every cached layout in place; a change made through
 * another instance moves the version of the asset it names once this one has read it.
 */
class AssetVersionsTest {

    @TempDir
    Path dataDir;

    @Test
    void aPictureBecomingReadyMovesItsOwnVersionOnly() throws Exception {
        try (AssetTestApp app = AssetTestApp.start(dataDir)) {
            app.service.refresh(); // the first reading: where the changes stand
            long none = app.service.version(List.of());
            String a = app.upload(TestImages.jpeg(1)).json().path("id").asText();
            app.awaitStatus(a, "ready");
            // the job's ready listener runs just after the status is written
            Eventually.until(() -> app.service.version(List.of(a)) > none, "a's version to move on");
            long aBefore = app.service.version(List.of(a));

            String b = app.upload(TestImages.jpeg(2)).json().path("id").asText();
            long bBefore = app.service.version(List.of(b));
            app.awaitStatus(b, "ready");
            Eventually.until(() -> app.service.version(List.of(b)) > bBefore, "b's version to move on");
            long bReady = app.service.version(List.of(b));
            app.service.refresh(); // reads back its own change: already counted

            assertEquals(aBefore, app.service.version(List.of(a)), "a layout naming only a stays cached");
            assertEquals(bReady, app.service.version(List.of(b)));
            assertTrue(app.service.version(List.of(a, b)) > app.service.version(List.of(a)));
        }
    }

    @Test
    void aChangeMadeElsewhereMovesTheVersionOfTheAssetItNames() throws Exception {
        try (AssetTestApp app = AssetTestApp.start(dataDir)) {
            app.service.refresh();
            long a = app.service.version(List.of("made-elsewhere"));
            long other = app.service.version(List.of("untouched"));
            // what another instance's ready listener records
            new MongoAssetRepository(app.database.db()).recordVariantsChange("made-elsewhere");
            app.service.refresh();
            assertEquals(a + 1, app.service.version(List.of("made-elsewhere")));
            assertEquals(other, app.service.version(List.of("untouched")));
        }
    }
}
