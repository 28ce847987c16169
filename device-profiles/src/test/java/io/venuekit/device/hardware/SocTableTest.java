package io.venuekit.device.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.device.Tier;
import io.venuekit.device.TierRulesException;
import org.junit.jupiter.api.Test;

class SocTableTest {

    private static final SocTable BUNDLED = SocTable.loadDefault();

    @Test
    void namesMatchWithOrWithoutTheVendorAndByMarketingName() {
        assertEquals("Snapdragon 665", BUNDLED.find("Qualcomm SM6125").name());
        assertEquals("Snapdragon 665", BUNDLED.find("SM6125").name());
        assertEquals("Snapdragon 665", BUNDLED.find("snapdragon 665").name());
        assertEquals(8, BUNDLED.find("Samsung Exynos 9611").cores());
    }

    @Test
    void aLetterSuffixFallsBackToItsStemButDigitsAreNeverDropped() {
        SocSpec g85 = BUNDLED.find("MediaTek MT6769V/CZ");
        assertEquals(8, g85.cores());
        assertEquals(2.05, g85.maxGhz());
        assertNull(BUNDLED.find("MT676"), "a shorter number is another chip");
        assertNull(BUNDLED.find("MT6799"));
    }

    @Test
    void classesFollowTheLabelLines() {
        assertEquals(Tier.LOW, BUNDLED.find("MT6580").tier());
        assertEquals(Tier.HIGH, BUNDLED.find("Qualcomm SM8550").tier());
        assertEquals(Tier.MID, BUNDLED.find("Snapdragon 720G").tier());
    }

    @Test
    void badLinesAreReportedTogether() {
        TierRulesException e = assertThrows(TierRulesException.class, () -> SocTable.parse("""
                chip,aliases,cores,max_ghz,class,source
                X1,,eight,2.0,mid,me
                X2,,8,20,mid,me
                X3,,8,2.0,best,me
                """, "socs.csv"));
        assertTrue(e.getMessage().contains("3 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2: cores must be a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3: max_ghz must be a number 0.1-6, got \"20\""), e.getMessage());
        assertTrue(e.getMessage().contains("line 4: class must be low, mid or high, got \"best\""), e.getMessage());
    }
}
