package io.venuekit.device.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.TierResolver;
import io.venuekit.device.TierRules;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Classifies a labelled device set ({@code dev.jsonl}: {@code id}, {@code ua}, optional
 * {@code headers}) and writes one {@code {"id", "tier", "reasons"}} line per case for the
 * scorer. Only the User-Agent and the headers are used: the hardware and the label are never
 * read, so the score says what the resolver does on real traffic.
 *
 * <pre>java ... ClassifyDevSet dev.jsonl preds.jsonl [tier-rules.json]</pre>
 */
public final class ClassifyDevSet {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ClassifyDevSet <dev.jsonl> <predictions.jsonl> [tier-rules.json]");
            System.exit(2);
        }
        TierResolver resolver =
                new TierResolver(args.length > 2 ? TierRules.load(Path.of(args[2])) : TierRules.loadDefault());
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]));
                BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = json.readTree(line);
                Map<String, String> headers = new HashMap<>();
                c.path("headers")
                        .fields()
                        .forEachRemaining(
                                e -> headers.put(e.getKey(), e.getValue().asText()));
                headers.put("User-Agent", c.path("ua").asText());
                DeviceProfile profile = resolver.resolve(DeviceRequest.ofHeaders(headers));
                ObjectNode pred = json.createObjectNode();
                pred.put("id", c.path("id").asText());
                pred.put("tier", profile.tier().id());
                pred.putPOJO("reasons", profile.reasons());
                pred.put("model", profile.model());
                out.write(json.writeValueAsString(pred));
                out.newLine();
                n++;
            }
        }
        System.err.println("classified " + n + " cases into " + args[1]);
    }
}
