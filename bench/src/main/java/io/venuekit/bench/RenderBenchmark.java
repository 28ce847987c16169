package io.venuekit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.RenderRequest;
import io.venuekit.renderer.image.AssetCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering the sample venue uncached, as the server does on a cache miss: snapshot to layout
 * JSON bytes (target: median under 1 ms), per device tier. Sample mode, so JMH reports
 * percentiles including the median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {

    @Param({"low", "mid", "high"})
    public String tier;

    private LayoutRenderer renderer;
    private ObjectNode snapshot;
    private DeviceProfile profile;
    private AssetCatalog catalog;
    private RenderRequest request;

    @Setup
    public void setUp() {
        renderer = new LayoutRenderer(ComponentRegistry.loadDefault());
        snapshot = RenderFixture.snapshot();
        profile = RenderFixture.profile(Tier.parse(tier));
        catalog = RenderFixture.catalog();
        request = RenderFixture.request(snapshot);
    }

    @Benchmark
    public byte[] layoutJson() {
        return renderer.render(snapshot, profile, RenderFixture.CHROME, catalog, request)
                .bytes();
    }
}
