package io.venuekit.device.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.device.Tier;
import org.junit.jupiter.api.Test;

class FallbackFitTest {

    private static UserAgentFacts phone(int android, String model) {
        return new UserAgentFacts("android", android, model, "phone", 120);
    }

    @Test
    void oneLowDeviceOutweighsManyHighOnes() {
        assertEquals(Tier.HIGH, FallbackFit.best(0, 1, 12));
        assertEquals(Tier.MID, FallbackFit.best(1, 1, 12), "a low phone served high costs twenty misses");
        assertEquals(Tier.MID, FallbackFit.best(0, 0, 3), "three high phones are not enough evidence");
        assertEquals(Tier.LOW, FallbackFit.best(30, 10, 2));
    }

    @Test
    void aKeyWithTooFewCasesBacksOffToACoarserOneAndTheReasonCarriesTheCounts() {
        FallbackFit fit = new FallbackFit(BrandTable.loadDefault());
        for (int i = 0; i < 10; i++) {
            fit.add(phone(14, "SM-Q" + i), Tier.HIGH);
        }
        fit.add(phone(14, "ACME" + 1), Tier.MID);
        FallbackTable table = fit.table();
        FallbackTable.Cell samsung = table.find(phone(14, "SM-Q99"));
        assertEquals("samsung", samsung.brand());
        assertEquals(Tier.HIGH, samsung.tier());
        FallbackTable.Cell other = table.find(phone(14, "ACME9"));
        assertEquals("*", other.brand(), "one 'other' case is too few: the version cell answers");
        assertEquals(Tier.HIGH, other.tier());
        String reason = other.reason(phone(14, "ACME9"));
        assertTrue(reason.contains("n=11,low=0,mid=1,high=10"), reason);
        FallbackTable.Cell coarse = table.find(phone(9, "SM-Q1"));
        assertEquals("*", coarse.osVersion(), "no Android 9 cell: the phone-wide one answers");
        assertNull(table.find(new UserAgentFacts("ios", 17, null, "phone", 0)), "no iOS cases, no cell");
    }

    @Test
    void theTableRoundTripsThroughItsCsv() {
        FallbackFit fit = new FallbackFit(BrandTable.loadDefault());
        for (int i = 0; i < 9; i++) {
            fit.add(phone(7, "SM-J" + i), Tier.LOW);
        }
        FallbackTable table = fit.table();
        FallbackTable again = FallbackTable.parse(table.toCsv("test"), "test", BrandTable.loadDefault());
        assertEquals(table.cells().size(), again.cells().size());
        assertEquals(Tier.LOW, again.find(phone(7, "SM-J1")).tier());
    }
}
