package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeCookieTest {

    private static final TierResolver RESOLVER = new TierResolver();
    private static final String UNKNOWN_PHONE =
            "Mozilla/5.0 (Linux; Android 12; XYZ-PHONE-9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

    @Test
    void readsEveryField() {
        ProbeCookie p = ProbeCookie.parse("v1_m4_c8_s412x915_d2.625_e4g");
        assertEquals(4.0, p.memoryGb());
        assertEquals(8, p.cores());
        assertEquals(412, p.screenWidth());
        assertEquals(915, p.screenHeight());
        assertEquals(2.625, p.dpr());
        assertEquals("4g", p.ect());
        assertEquals(List.of(), p.problems());
        assertEquals(4096.0, p.toReport().ramMb());
    }

    @Test
    void badFieldsAreNamedNotThrown() {
        ProbeCookie p = ProbeCookie.parse("v2_mLots_c0_sbig_e5g_zz_m2");
        assertEquals(2.0, p.memoryGb());
        assertNull(p.cores());
        assertNull(p.screenWidth());
        assertEquals(List.of("v2", "mLots", "c0", "sbig", "e5g", "zz"), p.problems());
        assertNull(ProbeCookie.parse("  "));
    }

    @Test
    void theProbeDecidesBeforeTheUserAgentButAfterTheAppsReport() {
        assertEquals(Tier.LOW, resolve("v1_m1_c8").tier());
        assertEquals(
                List.of("probe:device-memory=1,cores=8"), resolve("v1_m1_c8").reasons());
        assertEquals(Tier.HIGH, resolve("v1_m8_c8").tier());
        assertEquals(Tier.MID, resolve("v1_m8_c6").tier(), "8 GB with 6 cores is not high");
        assertEquals(Tier.LOW, resolve("v1_c2").tier(), "two cores is low whatever the memory");
        DeviceProfile reported = RESOLVER.resolve(DeviceRequest.ofHeaders(Map.of(
                "User-Agent",
                UNKNOWN_PHONE,
                TierResolver.DEVICE_PROBE,
                "v1_m1_c8",
                TierResolver.DEVICE_REPORT,
                "tier=high")));
        assertEquals(Tier.HIGH, reported.tier());
    }

    @Test
    void aProbeWithoutMemoryOrFewCoresLeavesTheUserAgentToDecide() {
        DeviceProfile p = resolve("v1_c8_s412x915_xq");
        assertEquals("probe-ignored:xq", p.reasons().get(0));
        assertEquals(true, p.reasons().get(1).startsWith("ua:"), p.reasons().toString());
    }

    @Test
    void onlyAGuessedTierAsksForTheProbe() {
        DeviceProfile guessed = RESOLVER.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", UNKNOWN_PHONE)));
        assertEquals(true, TierResolver.wantsProbe(guessed), guessed.reasons().toString());
        assertEquals(false, TierResolver.wantsProbe(resolve("v1_m4_c8")));
        DeviceProfile known = RESOLVER.resolve(
                DeviceRequest.ofHeaders(
                        Map.of(
                                "User-Agent",
                                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36")));
        assertEquals(false, TierResolver.wantsProbe(known), known.reasons().toString());
        assertEquals(true, TierResolver.wantsProbe(RESOLVER.resolve(DeviceRequest.ofHeaders(Map.of()))));
    }

    private static DeviceProfile resolve(String cookie) {
        return RESOLVER.resolve(
                DeviceRequest.ofHeaders(Map.of("User-Agent", UNKNOWN_PHONE, TierResolver.DEVICE_PROBE, cookie)));
    }
}
