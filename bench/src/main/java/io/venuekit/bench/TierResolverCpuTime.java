package io.venuekit.bench;

import io.venuekit.device.DeviceRequest;
import io.venuekit.device.TierResolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * The {@link TierResolverBenchmark} paths measured in the thread's own CPU time instead of wall
 * time: on a shared 2-core machine at load 10-20 the JMH wall-time figures mostly measure waiting
 * for a core, while CPU time still compares one build with another. Prints one line per round;
 * read the median of the later rounds, and run builds interleaved.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.venuekit.bench.TierResolverCpuTime [rounds]</pre>
 */
public final class TierResolverCpuTime {

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

    private TierResolverCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        TierResolver resolver = new TierResolver();
        DeviceRequest[] warm = new DeviceRequest[USER_AGENTS.length];
        for (int i = 0; i < USER_AGENTS.length; i++) {
            warm[i] = DeviceRequest.ofHeaders(Map.of("User-Agent", USER_AGENTS[i]));
            resolver.resolve(warm[i]);
        }
        long unique = 0;
        for (int round = 1; round <= rounds; round++) {
            int n = 200_000;
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                resolver.resolve(warm[i % warm.length]);
            }
            double warmNs = (cpu.getCurrentThreadCpuTime() - start) / (double) n;
            int m = 20_000;
            start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < m; i++) {
                String ua = USER_AGENTS[(int) (unique % USER_AGENTS.length)] + " build/" + unique++;
                resolver.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", ua)));
            }
            double coldNs = (cpu.getCurrentThreadCpuTime() - start) / (double) m;
            start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < m; i++) {
                String ua = "Mozilla/5.0 (Linux; Android 12; ZZ-" + unique++
                        + ") AppleWebKit/537.36 (KHTML, like Gecko) " + "Chrome/120.0.0.0 Mobile Safari/537.36";
                resolver.resolve(DeviceRequest.ofHeaders(Map.of("User-Agent", ua)));
            }
            double unknownNs = (cpu.getCurrentThreadCpuTime() - start) / (double) m;
            System.out.printf(
                    "round %d: warm %.0f ns, cold %.0f ns, cold unknown model %.0f ns (thread CPU time)%n",
                    round, warmNs, coldNs, unknownNs);
        }
    }
}
