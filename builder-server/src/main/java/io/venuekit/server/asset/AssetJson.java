package io.venuekit.server.asset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.crop.Focus;
import io.venuekit.server.http.Json;

/** The mapper for asset records: the pipeline's records as they are, without derived fields such as {@code region}. */
final class AssetJson {

    static final ObjectMapper MAPPER = Json.MAPPER
            .copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(Focus.class, FocusFields.class);

    private AssetJson() {}

    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Any value (lists, maps, records) as a JSON tree. */
    static JsonNode node(Object value) {
        return MAPPER.valueToTree(value);
    }

    @JsonIgnoreProperties({"region"})
    private abstract static class FocusFields {}
}
