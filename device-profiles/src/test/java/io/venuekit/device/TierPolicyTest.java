package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

    private static TierPolicy read(String json) {
        return TierPolicy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void bundledPolicyGivesLessCapableTiersLessOfEverything() {
        TierPolicy p = TierPolicy.DEFAULT;
        assertTrue(p.of(Tier.LOW).pageSize() <= p.of(Tier.MID).pageSize());
        assertTrue(p.of(Tier.MID).pageSize() <= p.of(Tier.HIGH).pageSize());
        assertTrue(p.of(Tier.LOW).widthCap() <= p.of(Tier.MID).widthCap());
        assertTrue(p.of(Tier.MID).widthCap() <= p.of(Tier.HIGH).widthCap());
        assertTrue(p.of(Tier.LOW).dprCap() <= p.of(Tier.HIGH).dprCap());
    }

    @Test
    void everyTiersWidestImageIsAVariantThatIsMade() {
        for (Tier tier : Tier.values()) {
            int cap = TierPolicy.DEFAULT.of(tier).widthCap();
            assertTrue(
                    TierPolicy.DEFAULT.variantWidths().contains(cap),
                    tier + " may get " + cap + " px, which is never made");
        }
    }

    @Test
    void theResolverAsksForTheHintsOfThePolicy() {
        assertEquals(TierPolicy.DEFAULT.acceptCh(), TierResolver.ACCEPT_CH);
        assertTrue(TierResolver.ACCEPT_CH.contains("Sec-CH-Device-Memory"));
    }

    @Test
    void listsAreSortedWhateverTheFileOrder() {
        TierPolicy p = read("""
                {"tiers": {"high": {"pageSize": 9, "dprCap": 3, "widthCap": 900},
                           "mid": {"pageSize": 5, "dprCap": 2, "widthCap": 600},
                           "low": {"pageSize": 2, "dprCap": 1, "widthCap": 300}},
                 "variantWidths": [900, 300, 600], "dprBuckets": [2, 1], "viewportBuckets": [400, 300],
                 "acceptCh": ["DPR"]}""");
        assertEquals(List.of(300, 600, 900), p.variantWidths());
        assertEquals(List.of(1.0, 2.0), p.dprBuckets());
        assertEquals(List.of(300, 400), p.viewportBuckets());
        assertEquals(2, p.of(Tier.LOW).pageSize());
    }

    @Test
    void aMissingTierOrValueIsRefusedWithWhere() {
        var missing = assertThrows(IllegalArgumentException.class, () -> read("""
                {"tiers": {"high": {"pageSize": 9, "dprCap": 3, "widthCap": 900},
                           "mid": {"pageSize": 5, "dprCap": 2, "widthCap": 600},
                           "low": {"pageSize": 2, "widthCap": 300}},
                 "variantWidths": [300], "dprBuckets": [1], "viewportBuckets": [300], "acceptCh": ["DPR"]}"""));
        assertTrue(missing.getMessage().contains("/tiers/low/dprCap"), missing.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> read("""
                {"tiers": {"high": {"pageSize": 0, "dprCap": 3, "widthCap": 900},
                           "mid": {"pageSize": 5, "dprCap": 2, "widthCap": 600},
                           "low": {"pageSize": 2, "dprCap": 1, "widthCap": 300}},
                 "variantWidths": [300], "dprBuckets": [1], "viewportBuckets": [300], "acceptCh": ["DPR"]}"""));
        assertTrue(zero.getMessage().contains("test.json"), zero.getMessage());
    }
}
