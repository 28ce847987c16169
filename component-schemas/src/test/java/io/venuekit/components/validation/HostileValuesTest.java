package io.venuekit.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.faults.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers no store or client can hold, and strings past the size limit, anywhere in a page. */
class HostileValuesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper BIG_DECIMALS =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final PageValidator VALIDATOR = new PageValidator(ComponentRegistry.loadDefault());

    @Test
    void reportsEveryIntegerBeyondSixtyFourBitsWithItsPointer() {
        List<Fault> faults = faults(MAPPER, """
                {"slug": "double11-main", "title": "D11", "version": 9223372036854775808, "extra": {"deep": [1, -9223372036854775809]},
                 "targeting": {"regions": ["CN"], "weight": 18446744073709551616},
                 "components": [{"id": "gap", "type": "spacer", "version": 99999999999999999999, "props": {"height": 123456789012345678901234567890}}]}""");
        assertEquals(
                List.of(
                        "/version",
                        "/extra/deep/1",
                        "/targeting/weight",
                        "/components/0/version",
                        "/components/0/props/height"),
                codes(faults, "number-out-of-range"));
        Fault first = faults.stream()
                .filter(f -> f.pointer().equals("/version"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                PageFaults.at(
                        "/version",
                        null,
                        null,
                        "number-out-of-range",
                        "Whole numbers must lie between -9223372036854775808 and 9223372036854775807, got 9223372036854775808"),
                first);
        Fault inComponent = faults.stream()
                .filter(f -> f.pointer().equals("/components/0/props/height"))
                .findFirst()
                .orElseThrow();
        assertEquals("gap", inComponent.componentId());
        assertEquals("spacer", inComponent.componentType());
    }

    @Test
    void acceptsTheLargestSixtyFourBitIntegers() {
        List<Fault> faults = faults(MAPPER, """
                {"slug": "double11-main", "title": "D11", "version": 9223372036854775807, "low": -9223372036854775808, "components": []}""");
        assertEquals(List.of(), faults);
    }

    @Test
    void reportsNumbersTooLargeForADouble() {
        assertEquals(List.of("/x", "/y"), codes(faults(MAPPER, """
                {"slug": "double11-main", "title": "D11", "x": 1e400, "y": -2E+999, "z": 1e-400, "components": []}"""), "number-out-of-range"));
        List<Fault> exact = faults(BIG_DECIMALS, """
                {"slug": "double11-main", "title": "D11", "x": 1e400, "components": []}""");
        assertEquals(
                List.of(PageFaults.at(
                        "/x",
                        null,
                        null,
                        "number-out-of-range",
                        "Numbers must be at most 1.7976931348623157E308 in size, got 1E+400")),
                exact);
    }

    @Test
    void reportsAFractionWhereAWholeNumberBelongs() {
        List<Fault> faults = faults(MAPPER, """
                {"slug": "double11-main", "title": "D11", "components": [{"id": "gap", "type": "spacer", "version": 1, "props": {"height": 12.5}},
                 {"id": "gap2", "type": "spacer", "version": 1.5, "props": {}}]}""");
        assertEquals(
                List.of("/components/0/props/height", "/components/1/version"),
                faults.stream().map(Fault::pointer).toList());
        assertTrue(faults.stream().allMatch(f -> f.code().equals("type")), faults.toString());
    }

    @Test
    void reportsAnOverLongStringAsTooLongWithItsSize() {
        ValidationLimits small = new ValidationLimits(32, 5_000, 500, 1_000);
        ObjectNode page = (ObjectNode) read(MAPPER, """
                {"slug": "double11-main", "title": "D11", "components": [{"id": "r", "type": "rich-text", "props": {}}]}""");
        page.put("notes", "x".repeat(1_001));
        ((ObjectNode) page.at("/components/0/props")).put("text", "y".repeat(1_500));
        List<Fault> faults = new PageValidator(ComponentRegistry.loadDefault(), small).validate(page);
        assertEquals(
                List.of(
                        PageFaults.at(
                                "/components/0/props/text",
                                "r",
                                "rich-text",
                                "too-long",
                                "Text may be at most 1,000 characters long, got 1,500"),
                        PageFaults.at(
                                "/notes",
                                null,
                                null,
                                "too-long",
                                "Text may be at most 1,000 characters long, got 1,001")),
                faults.stream().filter(f -> f.code().equals("too-long")).toList());
        assertEquals(1_000_000, ValidationLimits.DEFAULT.maxStringChars());
    }

    @Test
    void reportsANumberBeyondADoubleWhereAnEnumIsExpectedInsteadOfFailing() {
        // the schema library turns each number it compares with an enum into a BigDecimal, and Infinity has none
        List<Fault> faults = faults(MAPPER, """
                {"slug": "Double 11", "title": "D11", "targeting": {"platforms": [1e400]},
                 "components": [{"id": "t", "type": "rich-text", "props": {"text": "Hello", "size": -1e400}},
                                {"id": "u", "type": "rich-text", "props": {"text": "Hi", "size": "huge"}}]}""");
        assertEquals(
                List.of("/targeting/platforms/0", "/components/0/props/size"), codes(faults, "number-out-of-range"));
        assertEquals(
                List.of("/slug", "/components/1/props/size"),
                faults.stream()
                        .filter(f -> !f.code().equals("number-out-of-range"))
                        .map(Fault::pointer)
                        .toList(),
                "the rest of the page is still checked: " + faults);
        assertEquals(
                List.of("/size"),
                codes(
                        VALIDATOR.validateProps("rich-text", read(MAPPER, "{\"text\": \"x\", \"size\": 1e400}")),
                        "number-out-of-range"));
    }

    @Test
    void checksThePropsFormToo() {
        List<Fault> faults = VALIDATOR.validateProps("spacer", read(MAPPER, "{\"height\": 18446744073709551616}"));
        assertEquals(List.of("/height"), codes(faults, "number-out-of-range"));
    }

    private static List<String> codes(List<Fault> faults, String code) {
        return faults.stream()
                .filter(f -> f.code().equals(code))
                .map(Fault::pointer)
                .toList();
    }

    private static List<Fault> faults(ObjectMapper mapper, String json) {
        return VALIDATOR.validate(read(mapper, json));
    }

    private static JsonNode read(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
