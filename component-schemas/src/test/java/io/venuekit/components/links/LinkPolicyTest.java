package io.venuekit.components.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The bundled policy over the corpus {@code links/link-targets.json}, and policies from files. */
class LinkPolicyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LinkPolicy POLICY = LinkPolicy.bundled();

    @TestFactory
    List<DynamicTest> refusesEveryHostileTargetOfTheCorpusAndSaysWhy() throws IOException {
        JsonNode refused = corpus().get("refused");
        assertTrue(refused.size() >= 40, "the corpus keeps at least 40 hostile targets, has " + refused.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : refused) {
            String target = c.get("target").asText();
            tests.add(DynamicTest.dynamicTest(MAPPER.writeValueAsString(target), () -> {
                Optional<String> problem = POLICY.problem(target);
                assertTrue(problem.isPresent(), "allowed " + MAPPER.writeValueAsString(target));
                assertTrue(
                        problem.get().contains(c.get("says").asText()),
                        "message should name '" + c.get("says").asText() + "': " + problem.get());
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> allowsEveryBenignTargetOfTheCorpus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus().get("allowed")) {
            String target = c.asText();
            tests.add(DynamicTest.dynamicTest(target, () -> assertEquals(Optional.empty(), POLICY.problem(target))));
        }
        return tests;
    }

    @Test
    void allowsHttpOnlyWhenThePolicySaysSo() {
        assertFalse(POLICY.allows("http://shop.example.com/"));
        assertTrue(new LinkPolicy(true, Set.of()).allows("http://shop.example.com/"));
        assertFalse(new LinkPolicy(true, Set.of()).allows("http:shop.example.com"), "http needs a host too");
    }

    @Test
    void saysWhatIsAllowedWhenRefusingAScheme() {
        assertEquals(
                "uses the scheme javascript:, which runs code or reads local data where the link is shown; links may use "
                        + "https:, openapp.jdmobile:, taobao:, tmall:, venuekit: or be a path on this site (/sale, #deals)",
                POLICY.problem("JavaScript:alert(1)").orElseThrow());
    }

    @Test
    void readsAnOperatorsPolicyFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("links.json");
        Files.writeString(file, "{\"allowHttp\": true, \"appSchemes\": [\"Weixin\", \"alipays\"]}");
        LinkPolicy policy = LinkPolicy.load(file);
        assertTrue(policy.allows("http://shop.example.com/"));
        assertTrue(policy.allows("weixin://dl/business"));
        assertFalse(policy.allows("taobao://item"), "the operator's list replaces the bundled one");
    }

    @Test
    void refusesAPolicyFileThatAllowsADangerousScheme(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("links.json");
        Files.writeString(file, "{\"appSchemes\": [\"taobao\", \"JavaScript\", \"data\"]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkPolicy.load(file));
        assertTrue(e.getMessage().contains("'JavaScript', 'data' cannot be allowed"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void refusesAMalformedPolicyFileSayingWhere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("links.json");
        Files.writeString(file, "{\"allowHttp\": \"yes\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkPolicy.load(file));
        assertEquals("link policy " + file + ": allowHttp must be true or false, got \"yes\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinkPolicy.load(dir.resolve("missing.json")));
    }

    private static JsonNode corpus() throws IOException {
        try (InputStream in = LinkPolicyTest.class.getClassLoader().getResourceAsStream("links/link-targets.json")) {
            return MAPPER.readTree(in);
        }
    }
}
