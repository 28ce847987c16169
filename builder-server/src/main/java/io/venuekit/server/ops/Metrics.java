package io.venuekit.server.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.function.ToDoubleFunction;

/**
 * The Prometheus registry behind {@code /metrics}. Vert.x reports every HTTP request into it (by
 * route pattern, method and status, with latency histograms: {@code vertx_http_server_*}); the
 * server adds its own meters ({@code venuekit_*}: cache, renders, jobs, rate-limit refusals, database
 * and store state) and the JVM's (heap, threads, GC).
 */
public final class Metrics implements Shareable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        // latency histograms (not only count and sum) for the HTTP timers, so p99 can be read per route
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("vertx.http.server") || id.getName().startsWith("venuekit.")) {
                    return DistributionStatisticConfig.builder()
                            .percentilesHistogram(true)
                            .build()
                            .merge(config);
                }
                return config;
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Vert.x options that report HTTP server metrics into this registry, labelled by route, method and status. */
    public VertxOptions vertxOptions() {
        return new VertxOptions()
                .setMetricsOptions(new MicrometerMetricsOptions()
                        .setEnabled(true)
                        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE)));
    }

    public MicrometerMetricsFactory factory() {
        return new MicrometerMetricsFactory(registry);
    }

    public <T> void gauge(String name, String help, T source, ToDoubleFunction<T> value, String... tags) {
        Gauge.builder(name, source, value).description(help).tags(tags).register(registry);
    }

    public <T> void counter(String name, String help, T source, ToDoubleFunction<T> value, String... tags) {
        FunctionCounter.builder(name, source, value)
                .description(help)
                .tags(tags)
                .register(registry);
    }

    /** Counts rate-limit refusals by level. */
    public void bind(RateLimiter limiter) {
        java.util.List<String> levels = new java.util.ArrayList<>(java.util.List.of("global", "address"));
        for (RateLimits.RouteClass c : RateLimits.RouteClass.values()) {
            levels.add(c.id());
            levels.add(c.id() + "/address");
        }
        for (String level : levels) {
            counter(
                    "venuekit.rate.limit.refusals",
                    "requests refused (or, for layout reads, answered from the cache only) " + "past a rate limit",
                    limiter,
                    l -> {
                        var n = l.refusals().get(level);
                        return n == null ? 0 : n.sum();
                    },
                    "level",
                    level);
        }
    }

    /** {@code GET /metrics}: the Prometheus text format. */
    public void scrape(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(registry.scrape());
    }
}
