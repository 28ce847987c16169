package io.venuekit.server.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Converts between the JSON trees the libraries use and the BSON documents the driver stores. */
public final class Documents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private Documents() {}

    public static Document toDocument(ObjectNode json) {
        try {
            return Document.parse(MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toJson(Document document) {
        try {
            return (ObjectNode) MAPPER.readTree(document.toJson(RELAXED));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
