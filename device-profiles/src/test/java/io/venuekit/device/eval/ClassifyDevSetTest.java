package io.venuekit.device.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyDevSetTest {

    @TempDir
    Path dir;

    @Test
    void writesOnePredictionPerCaseFromUserAgentAndHeadersOnly() throws Exception {
        // The hardware and label fields lie on purpose: the command must not read them.
        Path cases = dir.resolve("cases.jsonl");
        Files.write(
                cases,
                List.of(
                        "{\"id\": \"a\", \"ua\": \"Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.210 Mobile Safari/537.36\", \"tier\": \"high\", \"hw\": {\"ram_gb\": [12]}}",
                        "",
                        "{\"id\": \"b\", \"ua\": \"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36\", \"headers\": {\"Sec-CH-UA-Model\": \"SM-S911B\", \"Sec-CH-UA-Platform-Version\": \"14.0.0\"}, \"tier\": \"low\"}"));
        Path out = dir.resolve("preds.jsonl");

        ClassifyDevSet.main(new String[] {cases.toString(), out.toString()});

        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        JsonNode second = json.readTree(lines.get(1));
        assertEquals("a", first.get("id").asText());
        assertEquals("low", first.get("tier").asText());
        assertEquals("b", second.get("id").asText());
        assertEquals("high", second.get("tier").asText());
    }
}
