package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceReportTest {

    @Test
    void parsesTheDocumentedFields() {
        DeviceReport r = DeviceReport.parse("ram=3072; cores=8; clock=2.0; year=2019; soc=SM6125; tier=mid");
        assertEquals(3072.0, r.ramMb());
        assertEquals(8, r.cores());
        assertEquals(2.0, r.clockGhz());
        assertEquals(2019, r.year());
        assertEquals("SM6125", r.soc());
        assertEquals(Tier.MID, r.tier());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void acceptsUnitsAndCommas() {
        DeviceReport r = DeviceReport.parse("RAM=3GB, clock=2000MHz, cores=4");
        assertEquals(3072.0, r.ramMb());
        assertEquals(2.0, r.clockGhz());
        assertEquals(4, r.cores());
        assertEquals(2048.0, DeviceReport.parse("ram=2").ramMb(), "a bare small number is gigabytes");
    }

    @Test
    void namesEveryFieldItIgnores() {
        DeviceReport r = DeviceReport.parse("ram=-5; cores=0; year=1850; tier=ultra; colour=blue; nonsense");
        assertTrue(r.isEmpty());
        assertEquals(List.of("ram=-5", "cores=0", "year=1850", "tier=ultra", "colour=blue", "nonsense"), r.problems());
    }

    @Test
    void blankIsNoReport() {
        assertNull(DeviceReport.parse(null));
        assertNull(DeviceReport.parse("   "));
    }
}
