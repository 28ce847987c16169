package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.venuekit.device.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One renderer shared by many threads gives every thread the bytes a single thread gets. */
class ConcurrencyTest {

    @Test
    void sharedRendererIsThreadSafe() throws Exception {
        LayoutRenderer renderer = new LayoutRenderer(GoldenLayoutTest.REGISTRY);
        var snapshot = SampleVenueTest.snapshot();
        var request = SampleVenueTest.request(snapshot);
        byte[][] expected = new byte[3][];
        for (Tier tier : Tier.values()) {
            expected[tier.ordinal()] = renderer.render(
                            snapshot, GoldenLayoutTest.profile(tier), Pages.ALL_WEBP, new TestAssets(), request)
                    .bytes();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Tier tier = Tier.values()[i % 3];
                results.add(pool.submit(() -> Arrays.equals(
                        expected[tier.ordinal()],
                        renderer.render(
                                        snapshot,
                                        GoldenLayoutTest.profile(tier),
                                        Pages.ALL_WEBP,
                                        new TestAssets(),
                                        request)
                                .bytes())));
            }
            boolean[] same = new boolean[results.size()];
            boolean[] all = new boolean[results.size()];
            for (int i = 0; i < results.size(); i++) {
                same[i] = results.get(i).get();
                all[i] = true;
            }
            assertArrayEquals(all, same);
        } finally {
            pool.shutdown();
        }
    }
}
