package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.venuekit.components.ComponentRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates payloads against the published {@code venuekit/layout.schema.json}, bytes and tree alike. */
final class LayoutSchemaCheck {

    private static final ComponentRegistry TEST_TYPES = TestRegistry.load();
    /** The schema generated for the shipped types, and one for the made-up types of the policy tests. */
    private static final JsonSchema SCHEMA = compile(GoldenLayoutTest.REGISTRY);

    private static final JsonSchema TEST_SCHEMA = compile(TEST_TYPES);

    static JsonSchema compile(ComponentRegistry registry) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(LayoutSchema.generate(registry));
    }

    private LayoutSchemaCheck() {}

    static Set<ValidationMessage> problems(JsonNode payload) {
        return (usesTestTypes(payload.path("components")) ? TEST_SCHEMA : SCHEMA).validate(payload);
    }

    private static boolean usesTestTypes(JsonNode components) {
        for (JsonNode c : components) {
            if (TEST_TYPES.contains(c.path("type").asText()) || usesTestTypes(c.path("children"))) {
                return true;
            }
        }
        return false;
    }

    /** Fails unless the layout's bytes parse to its tree and that tree is valid. */
    static Layout valid(Layout layout) {
        JsonNode parsed;
        try {
            parsed = TestRegistry.MAPPER.readTree(layout.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(layout.payload(), parsed, "bytes and tree differ");
        Set<ValidationMessage> problems = problems(parsed);
        if (!problems.isEmpty()) {
            fail("payload does not match the generated layout schema: " + problems + "\n" + parsed.toPrettyString());
        }
        return layout;
    }
}
