package io.venuekit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walks every case in {@code ua-cases.json} through the default rules; reports all misses at once. */
class UserAgentCasesTest {

    private static final TierResolver RESOLVER = new TierResolver();

    @Test
    void everyUserAgentCaseGetsItsTier() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/ua-cases.json")) {
            cases = new ObjectMapper().readTree(in).path("cases");
        }
        assertTrue(cases.size() >= 50, "expected at least 50 cases, got " + cases.size());
        List<String> misses = new ArrayList<>();
        for (JsonNode c : cases) {
            Map<String, String> headers = new HashMap<>();
            c.path("headers")
                    .fields()
                    .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            if (c.has("ua")) {
                headers.put("User-Agent", c.get("ua").asText());
            }
            DeviceProfile profile = RESOLVER.resolve(DeviceRequest.ofHeaders(headers));
            String expected = c.path("tier").asText();
            if (!profile.tier().id().equals(expected)) {
                misses.add(c.path("description").asText() + ": expected " + expected + ", got "
                        + profile.tier().id() + " " + profile.reasons());
            } else if (c.has("reason")
                    && !profile.reasons().contains(c.get("reason").asText())) {
                misses.add(c.path("description").asText() + ": expected reason "
                        + c.get("reason").asText() + ", got " + profile.reasons());
            }
        }
        assertEquals(List.of(), misses, misses.size() + " of " + cases.size() + " cases wrong");
    }
}
