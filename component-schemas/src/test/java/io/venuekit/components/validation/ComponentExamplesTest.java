package io.venuekit.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the valid and invalid examples every component file declares. */
class ComponentExamplesTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();
    private static final PageValidator VALIDATOR = new PageValidator(REGISTRY);

    @TestFactory
    Stream<DynamicTest> validExamplesPass() {
        return examples("valid")
                .map(e -> DynamicTest.dynamicTest(
                        e.schema().type() + ": " + e.node().path("description").asText(),
                        () -> assertEquals(
                                List.of(),
                                VALIDATOR.validateProps(
                                        e.schema().type(), e.node().get("props")))));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesFailAtTheirPointer() {
        return examples("invalid")
                .map(e -> DynamicTest.dynamicTest(
                        e.schema().type() + ": " + e.node().path("description").asText(), () -> {
                            List<Fault> violations = VALIDATOR.validateProps(
                                    e.schema().type(), e.node().get("props"));
                            String expected = e.node().path("pointer").asText();
                            assertFalse(violations.isEmpty(), "no violation at all");
                            assertTrue(
                                    violations.stream()
                                            .anyMatch(v -> v.pointer().equals(expected)),
                                    "expected a violation at " + expected + ", got " + violations);
                            for (Fault v : violations) {
                                assertFalse(v.message().contains("$."), v.message());
                                assertEquals(e.schema().type(), v.componentType());
                            }
                        }));
    }

    @TestFactory
    Stream<DynamicTest> defaultsAreValidValues() {
        return REGISTRY.all().stream()
                .map(s -> DynamicTest.dynamicTest(s.type(), () -> {
                    JsonNode valid = s.file()
                            .path("examples")
                            .path("valid")
                            .get(0)
                            .get("props")
                            .deepCopy();
                    s.defaults()
                            .fields()
                            .forEachRemaining(d -> ((com.fasterxml.jackson.databind.node.ObjectNode) valid)
                                    .set(d.getKey(), d.getValue()));
                    assertEquals(List.of(), VALIDATOR.validateProps(s.type(), valid));
                }));
    }

    private record Example(ComponentSchema schema, JsonNode node) {}

    private static Stream<Example> examples(String kind) {
        List<Example> all = new ArrayList<>();
        for (ComponentSchema s : REGISTRY.all()) {
            s.file().path("examples").path(kind).forEach(node -> all.add(new Example(s, node)));
        }
        return all.stream();
    }
}
