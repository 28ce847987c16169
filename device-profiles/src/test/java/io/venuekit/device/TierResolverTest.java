package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TierResolverTest {

    private static final TierResolver RESOLVER = new TierResolver();
    private static final String GALAXY_S23 =
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36";
    private static final String GALAXY_J2 =
            "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.210 Mobile Safari/537.36";

    private static DeviceProfile resolve(String override, String... headerPairs) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return RESOLVER.resolve(new DeviceRequest(override, headers));
    }

    @Test
    void overrideBeatsReportHintsAndUserAgent() {
        DeviceProfile p =
                resolve("low", "User-Agent", GALAXY_S23, "X-Device-Report", "tier=high", "Sec-CH-Device-Memory", "8");
        assertEquals(Tier.LOW, p.tier());
        assertEquals("override=low", p.reasons().get(0));
    }

    @Test
    void reportBeatsHintsAndUserAgent() {
        DeviceProfile p =
                resolve(null, "User-Agent", GALAXY_S23, "X-Device-Report", "ram=1024; cores=4", "Device-Memory", "8");
        assertEquals(Tier.LOW, p.tier());
        assertEquals(java.util.List.of("report:ram=1024"), p.reasons());
        assertFalse(p.hintsUsed().contains("device-memory"), "memory hint was not consulted");
    }

    @Test
    void hintsBeatUserAgent() {
        DeviceProfile p = resolve(null, "User-Agent", GALAXY_S23, "Sec-CH-Device-Memory", "1");
        assertEquals(Tier.LOW, p.tier());
        assertEquals(java.util.List.of("device-memory=1"), p.reasons());
        assertEquals(Set.of("sec-ch-device-memory"), p.hintsUsed());
    }

    @Test
    void userAgentBeatsDefault() {
        DeviceProfile p = resolve(null, "User-Agent", GALAXY_J2);
        assertEquals(Tier.LOW, p.tier());
        assertEquals("android", p.os());
        assertEquals(8, p.osVersion());
        assertEquals("SM-J260F", p.model());
        assertEquals(Set.of(), p.hintsUsed());
    }

    @Test
    void nothingKnownGivesTheDefault() {
        DeviceProfile p = resolve(null);
        assertEquals(Tier.MID, p.tier());
        assertEquals(java.util.List.of("default", "uncertain:no-device-signal"), p.reasons());
    }

    @Test
    void invalidOverrideIsIgnoredWithAReason() {
        DeviceProfile p = resolve("ultra", "User-Agent", GALAXY_J2);
        assertEquals(Tier.LOW, p.tier());
        assertTrue(p.reasons().contains("override-ignored=ultra"), p.reasons().toString());
    }

    @Test
    void reportHardwareDecidesEachTier() {
        assertEquals(
                Tier.HIGH,
                resolve(null, "X-Device-Report", "ram=8192; cores=8; clock=2.8; year=2022")
                        .tier());
        assertEquals(
                Tier.MID,
                resolve(null, "X-Device-Report", "ram=3072; cores=8; clock=2.0; year=2019")
                        .tier());
        assertEquals(
                Tier.LOW,
                resolve(null, "X-Device-Report", "ram=3072; cores=4; clock=1.3").tier());
        assertEquals(
                Tier.LOW, resolve(null, "X-Device-Report", "ram=4gb; year=2013").tier());
        assertEquals(Tier.LOW, resolve(null, "X-Device-Report", "soc=MT6739").tier());
        assertEquals(
                Tier.MID, resolve(null, "X-Device-Report", "tier=mid; ram=8192").tier());
    }

    @Test
    void slowNetworkLowersOnlyTheMediaTier() {
        DeviceProfile p = resolve(null, "User-Agent", GALAXY_S23, "ECT", "3g");
        assertEquals(Tier.HIGH, p.tier());
        assertEquals(Tier.MID, p.mediaTier());
        assertEquals("3g", p.network());
        assertTrue(p.reasons().contains("ect=3g"));
        assertTrue(p.hintsUsed().contains("ect"));

        DeviceProfile slow = resolve(null, "User-Agent", GALAXY_S23, "ECT", "2g");
        assertEquals(Tier.HIGH, slow.tier());
        assertEquals(Tier.LOW, slow.mediaTier());

        DeviceProfile fast = resolve(null, "User-Agent", GALAXY_S23, "ECT", "4g");
        assertEquals(Tier.HIGH, fast.mediaTier());
    }

    @Test
    void saveDataLowersOnlyTheMediaTier() {
        DeviceProfile p = resolve(null, "User-Agent", GALAXY_S23, "Save-Data", "on");
        assertEquals(Tier.HIGH, p.tier());
        assertEquals(Tier.LOW, p.mediaTier());
        assertTrue(p.saveData());
        assertTrue(p.hintsUsed().contains("save-data"));
    }

    @Test
    void reducedMotionIsKeptAtAnyTier() {
        DeviceProfile high = resolve(null, "User-Agent", GALAXY_S23, "Sec-CH-Prefers-Reduced-Motion", "reduce");
        assertEquals(Tier.HIGH, high.tier());
        assertTrue(high.reducedMotion());
        assertTrue(high.reasons().contains("reduced-motion"));
        assertTrue(high.hintsUsed().contains("sec-ch-prefers-reduced-motion"));
        DeviceProfile low = resolve("low", "Sec-CH-Prefers-Reduced-Motion", "reduce");
        assertTrue(low.reducedMotion());
        assertFalse(
                resolve(null, "Sec-CH-Prefers-Reduced-Motion", "no-preference").reducedMotion());
    }

    @Test
    void dprAndViewportAreReadFromEitherHeaderName() {
        DeviceProfile p = resolve(null, "Sec-CH-DPR", "2.75", "Viewport-Width", "412");
        assertEquals(2.75, p.dpr());
        assertEquals(412, p.viewportWidth());
        assertEquals(Set.of("sec-ch-dpr", "viewport-width"), p.hintsUsed());
    }

    @Test
    void garbageHeadersGiveASaneProfileWithReasons() {
        String huge = "x".repeat(100_000);
        DeviceProfile p = resolve(
                null,
                "User-Agent",
                huge,
                "Device-Memory",
                "abc",
                "ECT",
                "5g",
                "Sec-CH-DPR",
                "-3",
                "Viewport-Width",
                huge,
                "X-Device-Report",
                "ram=abc; ;;; cores=lots; =; junk",
                "Sec-CH-UA-Platform-Version",
                "\"x.y\"");
        assertEquals(Tier.MID, p.tier());
        assertEquals(1.0, p.dpr());
        assertEquals(0, p.viewportWidth());
        assertTrue(
                p.reasons().contains("device-memory-ignored=abc"), p.reasons().toString());
        assertTrue(p.reasons().contains("ect-ignored=5g"), p.reasons().toString());
        assertTrue(p.reasons().contains("report-ignored:ram=abc"), p.reasons().toString());
        assertTrue(
                p.reasons().contains("report-ignored:cores=lots"), p.reasons().toString());
        assertTrue(p.reasons().stream().allMatch(r -> r.length() < 100), "reasons are bounded: " + p.reasons());
    }

    @Test
    void hugeDeviceReportIsCutNotFatal() {
        DeviceProfile p = resolve(null, "X-Device-Report", "ram=1024;" + "junk=1;".repeat(50_000));
        assertEquals(Tier.LOW, p.tier());
        assertTrue(
                p.reasons().size() < 200, "reasons bounded, got " + p.reasons().size());
    }

    @Test
    void userAgentClientHintsRefineAReducedUserAgent() {
        String reduced =
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
        DeviceProfile p = resolve(
                null,
                "User-Agent",
                reduced,
                "Sec-CH-UA-Model",
                "\"Pixel 8\"",
                "Sec-CH-UA-Platform-Version",
                "\"14.0.0\"");
        assertEquals(Tier.HIGH, p.tier());
        assertEquals("Pixel 8", p.model());
        assertEquals(14, p.osVersion());
        assertEquals(Set.of("sec-ch-ua-model", "sec-ch-ua-platform-version"), p.hintsUsed());
    }

    @Test
    void aFrozenAndroidVersionIsNotReadAsAnOldPhone() {
        // "Android 10; K" is frozen by Chrome; with a model nothing knows and no platform version,
        // the fitted per-version fallback has nothing to key on, so the default answers, as a guess.
        String reduced =
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
        DeviceProfile p = resolve(null, "User-Agent", reduced, "Sec-CH-UA-Model", "\"Zorblax Q7\"");
        assertEquals(Tier.MID, p.tier());
        assertTrue(
                p.reasons().contains("uncertain:no-device-signal"), p.reasons().toString());
        assertTrue(TierResolver.wantsProbe(p));
    }

    @Test
    void isSafeToShareAcrossThreads() throws InterruptedException {
        TierResolver shared = new TierResolver();
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean all = true;
                for (int i = 0; i < 2_000; i++) {
                    String ua = (i % 2 == 0 ? GALAXY_J2 : GALAXY_S23) + " v" + (i % 50);
                    Tier expected = i % 2 == 0 ? Tier.LOW : Tier.HIGH;
                    all &= shared.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", ua)))
                                    .tier()
                            == expected;
                }
                ok[id] = all;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (boolean b : ok) {
            assertTrue(b);
        }
        assertEquals(50, shared.cache().size(), "one entry per distinct User-Agent");
    }

    @Test
    void lookalikeModelCodesOfOtherMakersAreNeverServedHigh() {
        // Held-out defects: each of these low phones matched another brand's high pattern.
        String chrome = ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
        for (String device : new String[] {
            "Android 13; A0616",
            "Android 12; A151",
            "Android 13; INOI A161",
            "Android 9; N9560",
            "Android 11; ZTE N9517",
            "Android 13; 2306004M",
            "Android 13; GS110",
            "Android 11; N9610",
            "Android 12; S901",
            "Android 13; X710"
        }) {
            DeviceProfile p = resolve(null, "User-Agent", "Mozilla/5.0 (Linux; " + device + chrome);
            assertTrue(p.tier() != Tier.HIGH, device + " served high: " + p.reasons());
        }
    }

    @Test
    void anAppsOwnVersionIsNotTheAndroidVersion() {
        DeviceProfile p = resolve(
                null, "User-Agent", "Keeper for Android 1.0 (Linux; U; Android 13; SM-S908B Build/TP1A.220624.014)");
        assertEquals(13, p.osVersion());
        assertEquals("SM-S908B", p.model());
        assertEquals(Tier.HIGH, p.tier());
        assertEquals(java.util.List.of("hw:SM-S908(Galaxy S22):ram=8,cpu=8x2.8"), p.reasons());
    }

    @Test
    void aReportedChipWithoutCoresOrClockIsLookedUp() {
        DeviceProfile p = resolve(null, "User-Agent", GALAXY_J2, "X-Device-Report", "ram=8192; soc=Qualcomm SM8550");
        assertEquals(Tier.HIGH, p.tier());
        assertEquals(java.util.List.of("report:ram=8192,cpu=8x3.36"), p.reasons());
    }

    @Test
    void anUnknownModelGetsTheFittedFallbackWithItsCounts() {
        DeviceProfile p = resolve(
                null,
                "User-Agent",
                "Mozilla/5.0 (Linux; Android 8.1.0; ZZ-TOTALLY-NEW) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0 Mobile Safari/537.36");
        String reason = p.reasons().get(0);
        assertTrue(reason.startsWith("ua:fallback=android-8/phone:"), reason);
        assertTrue(reason.matches(".*;n=\\d+,low=\\d+,mid=\\d+,high=\\d+\\)"), reason);
    }

    @Test
    void fromFilesAddsAnOperatorsDevicesOverTheBundledOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path mine = dir.resolve("devices.csv");
        java.nio.file.Files.writeString(mine, "acme,SM-S918B,Galaxy S23 Ultra (test says low),2,,2023,phone,ops\n");
        TierResolver resolver = TierResolver.fromFiles(null, mine);
        DeviceProfile p = resolver.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", GALAXY_S23)));
        assertEquals(Tier.LOW, p.tier());
        assertEquals(
                "hw:SM-S918B(Galaxy S23 Ultra (test says low)):ram=2",
                p.reasons().get(0));
        assertEquals(
                Tier.HIGH,
                RESOLVER.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", GALAXY_S23)))
                        .tier());
    }
}
