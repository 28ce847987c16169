package io.venuekit.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.TestServer;
import io.venuekit.server.TestServer.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding 6: rollback to 4294967297 rolled back to version 1; integers past 2^63 gave 500. */
class NumbersTest {

    @TempDir
    static Path dataDir;

    static TestServer server;
    static String pageId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        pageId = SecurityFixtures.published(server, "numbers");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4294967297",
                "-4294967295",
                "2147483648",
                "9223372036854775808",
                "1.5",
                "1e3",
                "0",
                "-1",
                "\"1\""
            })
    void aRollbackTargetThatIsNotAVersionIsAFaultNotAWrap(String to) {
        int before = server.get("/api/pages/" + pageId + "/versions")
                .json()
                .path("versions")
                .size();
        Response r = server.post("/api/pages/" + pageId + "/rollback", "{\"to\": " + to + "}");
        assertEquals(400, r.status(), to + ": " + r);
        assertEquals("/to", r.json().at("/error/faults/0/pointer").asText(), r.toString());
        assertEquals(
                before,
                server.get("/api/pages/" + pageId + "/versions")
                        .json()
                        .path("versions")
                        .size(),
                "nothing published");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9223372036854775808",
                "-9223372036854775809",
                "18446744073709551616",
                "1e400",
                "123456789012345678901234567890"
            })
    void hugeNumbersAnywhereInAPageAreFaultsWithPointers(String number) {
        String page = SecurityFixtures.page("huge").toString();
        String withProp = page.replace("\"text\":\"Hello\"", "\"text\":\"Hello\",\"size\":" + number);
        String withTargeting =
                page.replace("\"title\":", "\"targeting\":{\"regions\":[\"CN\"],\"weight\":" + number + "},\"title\":");
        String withVersion = page.replace("\"version\":2", "\"version\":" + number);
        for (String body : new String[] {withProp, withTargeting, withVersion}) {
            Response r = server.post("/api/pages", body);
            assertEquals(400, r.status(), body + " -> " + r);
            JsonNode faults = r.json().at("/error/faults");
            assertTrue(faults.size() >= 1, r.toString());
            assertTrue(faults.toString().contains("\"pointer\":\"/"), r.toString());
        }
        Response put = server.put(
                "/api/pages/" + pageId,
                "{\"version\": " + number + ", \"slug\": \"numbers\", \"title\": \"x\"," + " \"components\": []}");
        assertTrue(put.status() == 400 || put.status() == 409, put.toString());
        assertEquals(200, server.get("/health").status());
    }
}
