package io.venuekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.samples.SampleVenue;
import io.venuekit.components.validation.PageValidator;
import io.venuekit.faults.Fault;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validating whole page documents with {@link PageValidator}: the 58-component sample venue and
 * a generated 1,000-component page, both with the asset check on. Schemas are compiled once in
 * setup, as the server does at start-up.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar Validation -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

    private PageValidator validator;
    private JsonNode sampleVenue;
    private JsonNode thousandComponents;
    private Predicate<String> assetExists;

    @Setup
    public void setUp() {
        validator = new PageValidator(ComponentRegistry.loadDefault());
        sampleVenue = SampleVenue.load();
        thousandComponents = SampleVenue.generate(1000);
        assetExists = id -> id.startsWith(SampleVenue.ASSET_PREFIX);
        // a benchmark of a page that fails would measure the error path, not validation
        requireValid(validator.validate(sampleVenue, assetExists));
        requireValid(validator.validate(thousandComponents, assetExists));
    }

    @Benchmark
    public List<Fault> sampleVenue() {
        return validator.validate(sampleVenue, assetExists);
    }

    @Benchmark
    public List<Fault> thousandComponents() {
        return validator.validate(thousandComponents, assetExists);
    }

    private static void requireValid(List<Fault> violations) {
        if (!violations.isEmpty()) {
            throw new IllegalStateException("benchmark page is not valid: " + violations);
        }
    }
}
