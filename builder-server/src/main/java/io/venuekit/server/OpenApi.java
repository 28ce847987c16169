package io.venuekit.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3.1 document of the whole HTTP API ({@code GET /openapi.json}); OpenApiTest keeps it and the route table in step. */
final class OpenApi {

    static final String RESOURCE = "venuekit/openapi.json";

    private OpenApi() {}

    static byte[] document() {
        try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
