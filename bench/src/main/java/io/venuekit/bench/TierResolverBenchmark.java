package io.venuekit.bench;

import io.venuekit.device.DeviceProfile;
import io.venuekit.device.DeviceRequest;
import io.venuekit.device.TierResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Classifying a request by its User-Agent. {@code warm}: the UA is in the resolver's shared
 * cache, as it is for nearly all traffic (target under 2 µs). {@code cold}: every call brings
 * a UA never seen before, so uap-java, the device table and the rules run each time (target
 * under 50 µs); {@code coldUnknownModel} also falls through every rule to the fitted fallback.
 * {@code warmWithHints}: a reduced UA plus client hints, the path modern Chrome takes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TierResolverBenchmark {

    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.210 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 10; Redmi 9A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 11; RMX3231) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/104.0.5112.97 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; U; Android 11; en-us; Redmi 10A Build/RP1A.200720.011) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.127 Mobile Safari/537.36 XiaoMi/MiuiBrowser/13.23.0-gn",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00; HMSCore 6.12.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.3.300 Mobile Safari/537.36",
    };

    /** What a phone's request carries besides the User-Agent, so lookups search a real-sized map. */
    private static final Map<String, String> TYPICAL_HEADERS = Map.of(
            "Host",
            "venues.example.com",
            "Accept",
            "application/json",
            "Accept-Encoding",
            "gzip, deflate, br",
            "Accept-Language",
            "zh-CN,zh;q=0.9,en;q=0.8",
            "Connection",
            "keep-alive",
            "Cookie",
            "sid=0f3c1a; ab=7",
            "Referer",
            "https://venues.example.com/",
            "Sec-Fetch-Mode",
            "cors",
            "Sec-Fetch-Site",
            "same-origin",
            "X-Request-Id",
            "9b1f0c4e");

    private TierResolver resolver;
    private DeviceRequest[] warmRequests;
    private DeviceRequest hintRequest;
    private int next;
    private long unique;

    @Setup
    public void setUp() {
        resolver = new TierResolver();
        warmRequests = new DeviceRequest[USER_AGENTS.length];
        for (int i = 0; i < USER_AGENTS.length; i++) {
            Map<String, String> headers = new HashMap<>(TYPICAL_HEADERS);
            headers.put("User-Agent", USER_AGENTS[i]);
            warmRequests[i] = DeviceRequest.ofHeaders(headers);
            resolver.resolve(warmRequests[i]);
        }
        Map<String, String> hinted = new HashMap<>(TYPICAL_HEADERS);
        hinted.putAll(Map.of(
                "User-Agent",
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
                "Sec-CH-UA-Model",
                "\"SM-A546B\"",
                "Sec-CH-UA-Platform-Version",
                "\"14.0.0\"",
                "Sec-CH-UA-Mobile",
                "?1",
                "ECT",
                "4g",
                "Sec-CH-DPR",
                "2.625",
                "Sec-CH-Viewport-Width",
                "412"));
        hintRequest = DeviceRequest.ofHeaders(hinted);
        resolver.resolve(hintRequest);
    }

    @Benchmark
    public DeviceProfile warm() {
        DeviceRequest request = warmRequests[next];
        next = (next + 1) % warmRequests.length;
        return resolver.resolve(request);
    }

    @Benchmark
    public DeviceProfile warmWithHints() {
        return resolver.resolve(hintRequest);
    }

    /**
     * A model no device row or rule knows, new each call: every rule and maker pattern is tried
     * before the fitted fallback answers, the slowest path (target under 50 µs).
     */
    @Benchmark
    public DeviceProfile coldUnknownModel() {
        String ua = "Mozilla/5.0 (Linux; Android 12; ZZ-" + unique++ + ") AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Mobile Safari/537.36";
        return resolver.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", ua)));
    }

    @Benchmark
    public DeviceProfile cold() {
        // A fresh string each call: a cache miss that parses and classifies from scratch.
        String ua = USER_AGENTS[(int) (unique % USER_AGENTS.length)] + " build/" + unique++;
        return resolver.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", ua)));
    }
}
