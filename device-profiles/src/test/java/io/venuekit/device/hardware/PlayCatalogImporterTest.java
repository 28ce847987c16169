package io.venuekit.device.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.Tier;
import io.venuekit.device.TierResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample catalogue is made up (an "Acme" maker) in the Play Console's export layout. */
class PlayCatalogImporterTest {

    @TempDir
    Path dir;

    private static String sample() throws Exception {
        return Files.readString(Path.of(PlayCatalogImporterTest.class
                .getResource("/catalog/play-console-sample.csv")
                .toURI()));
    }

    @Test
    void convertsRowsRoundingTheSystemsMemoryUpToTheSizeSold() throws Exception {
        DeviceTable t = DeviceTable.parse(PlayCatalogImporter.convert(sample(), "sample.csv"), "converted");
        DeviceSpec rocket = t.find("AR-500X");
        assertEquals(6, rocket.ramGb(), "5,523 MB seen is a 6 GB phone; the 8 GB variant does not raise it");
        assertEquals("Qualcomm SM8450", rocket.soc());
        assertEquals(2022, rocket.year());
        assertEquals("play-catalog:sample.csv:2", rocket.source());
        assertEquals(2, t.find("AT-100").ramGb(), "1740-1870MB takes the smaller");
        assertEquals("tablet", t.find("AT-100").form());
        assertEquals(3, t.find("AC-1").ramGb());
        assertEquals(2012, t.find("AV-1").year(), "launched on SDK 17 (2012)");
        assertNull(t.find("ATV-1"), "nothing known, left out");
    }

    @Test
    void theServerLoadsTheExportAsItIsEvenInUtf16AndItsRowsDecide() throws Exception {
        Path export = dir.resolve("play.csv");
        byte[] body = sample().getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(export, withBom);

        TierResolver resolver = TierResolver.fromFiles(null, export);
        assertEquals(Tier.HIGH, tier(resolver, "AR-500X"));
        assertEquals(Tier.MID, tier(resolver, "AC-1"), "3 GB and 8 cores at 1.6 GHz is mid by the lines");
        assertEquals(Tier.LOW, tier(resolver, "AV-1"));
        DeviceProfile p = resolver.resolve(request("AR-500X"));
        assertTrue(
                p.reasons().get(0).startsWith("hw:AR-500X(Acme Rocket 5):ram=6,cpu=8x3.0"),
                p.reasons().toString());
        assertEquals(Tier.HIGH, tier(resolver, "SM-S918B"), "the bundled rows are still there");
    }

    private static Tier tier(TierResolver resolver, String model) {
        return resolver.resolve(request(model)).tier();
    }

    private static DeviceRequest request(String model) {
        return DeviceRequest.ofHeaders(Map.of(
                "User-Agent",
                "Mozilla/5.0 (Linux; Android 13; " + model
                        + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"));
    }
}
