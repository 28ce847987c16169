package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Apps send no DPR client hint: the DPR in their X-Device-Report chooses image widths instead. */
class ReportedDprTest {

    private static final TierResolver RESOLVER = new TierResolver();

    private static DeviceProfile resolve(Map<String, String> headers) {
        return RESOLVER.resolve(new DeviceRequest(null, headers));
    }

    @Test
    void theReportsDprIsHonouredAndNotAProblem() {
        DeviceProfile p = resolve(Map.of("X-Device-Report", "ram=8192; cores=8; dpr=2.75"));
        assertEquals(2.75, p.dpr());
        assertFalse(
                p.reasons().stream().anyMatch(r -> r.startsWith("report-ignored")),
                p.reasons().toString());
    }

    @Test
    void aDprHintWinsAndANonsenseDprIsIgnoredWithAReason() {
        assertEquals(
                2.0,
                resolve(Map.of("X-Device-Report", "ram=8192; dpr=3", "Sec-CH-DPR", "2"))
                        .dpr());
        DeviceProfile odd = resolve(Map.of("X-Device-Report", "ram=8192; dpr=40"));
        assertEquals(1.0, odd.dpr());
        assertTrue(
                odd.reasons().contains("report-ignored:dpr=40"), odd.reasons().toString());
    }
}
