package io.venuekit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void severityDecidesWhatIsBlocked() {
        assertTrue(Severity.ERROR.blocksSave());
        assertTrue(Severity.ERROR.blocksPublish());
        assertFalse(Severity.WARNING.blocksSave());
        assertTrue(Severity.WARNING.blocksPublish());
        assertFalse(Severity.NOTICE.blocksSave());
        assertFalse(Severity.NOTICE.blocksPublish());
        assertEquals("warning", Severity.WARNING.id());
    }

    @Test
    void anErrorIsOutsideAnyComponentAndKeepsItsValuesWhenReclassified() {
        Fault f = Fault.error("/version", "type", "must be a whole number").withValues("a whole number", "\"2\"");
        assertNull(f.componentId());
        assertEquals(Severity.ERROR, f.severity());
        Fault w = f.withSeverity(Severity.WARNING);
        assertEquals(Severity.WARNING, w.severity());
        assertEquals("\"2\"", w.actual());
        assertEquals("a whole number", w.expected());
        assertEquals("/version [type] must be a whole number", w.toString());
    }

    @Test
    void aWholeDocumentFaultHasAnEmptyPointerAndEveryFaultSaysWhatAndHowBad() {
        assertEquals("", Fault.error(null, "type", "not JSON").pointer());
        assertEquals("/ [type] not JSON", Fault.error(null, "type", "not JSON").toString());
        assertThrows(IllegalArgumentException.class, () -> Fault.in("/a", null, null, "x", "y", null));
        assertThrows(IllegalArgumentException.class, () -> Fault.error("/a", null, "y"));
    }
}
