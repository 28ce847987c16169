package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.faults.Fault;
import io.venuekit.faults.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rules file's faults as records: one per problem, each at its pointer, as the message lists them. */
class TierRulesFaultsTest {

    private static Path rulesFile(String name) throws URISyntaxException {
        return Path.of(TierRulesFaultsTest.class.getResource("/rules/" + name).toURI());
    }

    @Test
    void everyProblemIsAFaultAtItsPointer() throws Exception {
        Path file = rulesFile("bad-values.json");
        TierRulesException e = assertThrows(TierRulesException.class, () -> TierRules.load(file));
        List<Fault> faults = e.faults();
        assertTrue(faults.size() >= 6, faults.toString());
        assertEquals("/default", faults.get(0).pointer());
        assertTrue(
                faults.get(0).message().startsWith("must be \"high\", \"mid\" or \"low\""),
                faults.get(0).message());
        assertTrue(faults.stream().anyMatch(f -> f.pointer().equals("/userAgent/rules/1/colour")), faults.toString());
        assertTrue(faults.stream()
                .allMatch(f -> f.severity() == Severity.ERROR && f.code().equals(TierRulesException.CODE)));
    }

    @Test
    void anUnreadableFileIsOneFaultAboutTheWholeFile() {
        TierRulesException e =
                assertThrows(TierRulesException.class, () -> TierRules.load(Path.of("no/such/tier-rules.json")));
        assertEquals(1, e.faults().size());
        assertEquals("", e.faults().get(0).pointer());
        assertTrue(
                e.faults().get(0).message().startsWith("cannot read"),
                e.faults().get(0).message());
    }
}
