package io.venuekit.device.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.device.TierRulesException;
import org.junit.jupiter.api.Test;

class DeviceTableTest {

    private static final String ROWS = """
            # a comment
            brand,model,name,ram_gb,soc,year,form,source
            samsung,SM-A525*,Galaxy A52,4-8,SM7125,2021,phone,spec
            samsung,SM-A5250,Galaxy A52 (China),6,SM7125,2021,phone,spec
            nothing,A063,Nothing Phone (1),8,SM7325,2022,phone,spec
            xiaomi,Redmi Note 10 Pro|M2101K6G,Redmi Note 10 Pro,6,SM7150,2021,phone,spec
            """;

    @Test
    void aStemCoversRegionalSuffixesAndAnExactCodeWins() {
        DeviceTable t = DeviceTable.parse(ROWS, "test.csv");
        assertEquals("Galaxy A52", t.find("SM-A525F").name());
        assertEquals(4, t.find("sm-a525m/ds").ramGb(), "smallest memory of 4-8, any case");
        assertEquals("Galaxy A52 (China)", t.find("SM-A5250").name());
        assertNull(t.find("SM-A52"), "shorter than the stem");
    }

    @Test
    void exactCodesDoNotCatchAnotherMakersLookalike() {
        DeviceTable t = DeviceTable.parse(ROWS, "test.csv");
        assertEquals("nothing", t.find("A063").brand());
        assertNull(t.find("A0616"), "ZTE's A0616 is not a Nothing phone");
        assertNull(t.find("A06"));
    }

    @Test
    void aDashStemCoversOnlyLetterVariantsAsHuaweiWritesThem() {
        DeviceTable t = DeviceTable.parse("honor,TEL-*,Honor X10,6,Kirin 820,2020,phone,spec\n", "test.csv");
        assertEquals("Honor X10", t.find("TEL-AN00").name());
        assertEquals("Honor X10", t.find("TEL-TN00a").name());
        assertNull(t.find("TEL-1013GIQA"), "another maker's code that only shares the three letters");
    }

    @Test
    void namesMatchWhateverTheSpacingAndAliasesShareARow() {
        DeviceTable t = DeviceTable.parse(ROWS, "test.csv");
        assertEquals("M2101K6G", t.find("m2101k6g").model());
        assertEquals("Redmi Note 10 Pro", t.find("Redmi_Note_10  Pro").name());
    }

    @Test
    void laterRowsWin() {
        DeviceTable bundled = DeviceTable.parse(ROWS, "bundled.csv");
        DeviceTable mine = DeviceTable.parse("acme,SM-A525F,Galaxy A52 8 GB,8,SM7125,2021,phone,\n", "mine.csv");
        DeviceTable both = bundled.with(mine);
        assertEquals(8, both.find("SM-A525F").ramGb());
        assertEquals("mine.csv:1", both.find("SM-A525F").source());
        assertEquals(4, both.find("SM-A525M").ramGb(), "the stem still covers the others");
    }

    @Test
    void everyBadLineIsReportedAtOnce() {
        TierRulesException e = assertThrows(TierRulesException.class, () -> DeviceTable.parse("""
                x,SM-A1*,Too short?,2,,2020,phone
                x,AB*,Short stem,2,,2020,phone
                x,SM-X1,Bad memory,lots,,2020,phone
                x,SM-X2,Bad form,2,,2020,watch
                x,SM-X3
                """, "bad.csv"));
        String m = e.getMessage();
        assertTrue(m.contains("bad.csv: 4 problems"), m);
        assertTrue(m.contains("line 2: prefix \"AB*\" is too short"), m);
        assertTrue(m.contains("line 3: ram_gb must be a number of GB"), m);
        assertTrue(m.contains("line 4: form must be phone, tablet or empty, got \"watch\""), m);
        assertTrue(m.contains("line 5: expected brand,model,name"), m);
        assertEquals("line 2", e.pointer());
    }

    @Test
    void theBundledTablesLoadAndEveryChipTheDeviceTableNamesIsInTheChipTable() {
        DeviceTable devices = DeviceTable.loadDefault();
        SocTable socs = SocTable.loadDefault();
        assertTrue(devices.size() > 300, "rows: " + devices.size());
        assertEquals("Galaxy S23", devices.find("SM-S918B").name());
        for (String model : new String[] {"SM-A025F", "SM-S918B", "Pixel 7", "M2101K6G", "LM-G710N", "XQ-AT51"}) {
            DeviceSpec d = devices.find(model);
            assertTrue(d != null && socs.find(d.soc()) != null, model + " -> " + d);
        }
    }
}
