package io.venuekit.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.samples.SampleVenue;
import io.venuekit.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The server shares one validator between request threads. */
class PageValidatorConcurrencyTest {

    @Test
    void oneValidatorServesManyThreadsWithTheSameAnswers() throws Exception {
        PageValidator validator = new PageValidator(ComponentRegistry.loadDefault());
        JsonNode valid = SampleVenue.load();
        JsonNode invalid = PageValidatorTest.page("""
                {"id": "hero", "type": "hero-banner", "props": {"image": {"asset": "a1"}}},
                {"id": "hero", "type": "spacer", "props": {"height": 900}}""");
        List<Fault> expectedInvalid = validator.validate(invalid);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean even = i % 2 == 0;
                Callable<Boolean> task = () -> even
                        ? validator.validate(valid).isEmpty()
                        : validator.validate(invalid).equals(expectedInvalid);
                answers.add(pool.submit(task));
            }
            int same = 0;
            for (Future<Boolean> answer : answers) {
                same += answer.get() ? 1 : 0;
            }
            assertEquals(200, same);
            assertEquals(3, expectedInvalid.size(), expectedInvalid.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
