package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Validates payloads against the published {@code venuekit/layout.schema.json}, bytes and tree alike. */
final class LayoutSchemaCheck {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(TestRegistry.resource(LayoutRenderer.SCHEMA_RESOURCE));

    private LayoutSchemaCheck() {
    }

    static Set<ValidationMessage> problems(JsonNode payload) {
        return SCHEMA.validate(payload);
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
            fail("payload does not match layout.schema.json: " + problems + "\n" + parsed.toPrettyString());
        }
        return layout;
    }
}
