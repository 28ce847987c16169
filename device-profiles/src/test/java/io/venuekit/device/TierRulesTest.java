package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierRulesTest {

    private static Path rulesFile(String name) throws URISyntaxException {
        return Path.of(TierRulesTest.class.getResource("/rules/" + name).toURI());
    }

    @Test
    void defaultRulesLoad() {
        TierRules rules = TierRules.loadDefault();
        assertEquals(Tier.MID, rules.defaultTier());
        assertEquals(2560, rules.hardware().lowRamMbBelow());
        assertFalse(rules.uaRules().isEmpty());
        assertEquals(Tier.LOW, rules.ectMediaTier().get("2g"));
        assertTrue(rules.uaCacheSize() > 0);
    }

    @Test
    void aResolverRunsOnAnOperatorsFile() throws URISyntaxException {
        TierRules rules = TierRules.load(rulesFile("everything-low.json"));
        TierResolver resolver = new TierResolver(rules);
        DeviceProfile p = resolver.resolve(
                DeviceRequest.ofHeaders(
                        Map.of(
                                "User-Agent",
                                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36")));
        assertEquals(Tier.LOW, p.tier());
        assertEquals("ua:model=SM-S918B(low-list)", p.reasons().get(0));
        assertEquals(3, resolver.cache().capacity());
    }

    @Test
    void brokenJsonSaysWhere() {
        TierRulesException e =
                assertThrows(TierRulesException.class, () -> TierRules.load(rulesFile("broken-json.json")));
        assertTrue(e.getMessage().contains("broken-json.json"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON: line 3"), e.getMessage());
    }

    @Test
    void badValuesAreAllReportedWithPointers() {
        TierRulesException e =
                assertThrows(TierRulesException.class, () -> TierRules.load(rulesFile("bad-values.json")));
        String m = e.getMessage();
        assertEquals("/default", e.pointer());
        assertTrue(m.contains("/default: must be \"high\", \"mid\" or \"low\", got \"medium\""), m);
        assertTrue(m.contains("/hardware/low/ramMbBelow: must be a number, got \"lots\""), m);
        assertTrue(m.contains("/userAgent/rules/0/model: not a valid regular expression"), m);
        assertTrue(m.contains("/userAgent/rules/1/osBelow: must be a whole number"), m);
        assertTrue(m.contains("/userAgent/rules/1/colour: unknown key"), m);
        assertTrue(m.contains("/userAgent/rules/2/name: missing"), m);
    }

    @Test
    void missingFileIsAClearError() {
        TierRulesException e =
                assertThrows(TierRulesException.class, () -> TierRules.load(Path.of("no/such/tier-rules.json")));
        assertTrue(e.getMessage().startsWith("no/such/tier-rules.json: cannot read"), e.getMessage());
    }
}
