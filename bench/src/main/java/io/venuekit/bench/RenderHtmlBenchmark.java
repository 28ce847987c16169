package io.venuekit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.device.Tier;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.html.HtmlRenderer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The H5 HTML of the sample venue's first page per tier, from an already rendered layout (for information). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderHtmlBenchmark {

    @Param({"low", "high"})
    public String tier;

    private HtmlRenderer html;
    private Layout layout;

    @Setup
    public void setUp() {
        ObjectNode snapshot = RenderFixture.snapshot();
        html = new HtmlRenderer();
        layout = new LayoutRenderer(ComponentRegistry.loadDefault())
                .render(
                        snapshot,
                        RenderFixture.profile(Tier.parse(tier)),
                        RenderFixture.CHROME,
                        RenderFixture.catalog(),
                        RenderFixture.request(snapshot));
    }

    @Benchmark
    public String firstPageHtml() {
        return html.render(layout);
    }
}
