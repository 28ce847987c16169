package io.venuekit.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the server reads from its environment.
 *
 * @param port         HTTP port ({@code PORT}, default 8080; 0 picks a free one)
 * @param dataDir      where the embedded database keeps its files ({@code DATA_DIR}, default {@code data})
 * @param mongoUri     a real MongoDB to use instead of the embedded one ({@code MONGO_URI}), or null
 * @param databaseName the MongoDB database name ({@code MONGO_DB}, default {@code venuekit})
 * @param modelsDir    where the ONNX model files are ({@code MODELS_DIR}, default {@code models})
 * @param maxBodyBytes the largest JSON body accepted ({@code MAX_BODY_BYTES}, default 2 MB)
 * @param seedSample   load the sample venue on first start ({@code SEED_SAMPLE}, default true)
 * @param benchRoutes  serve {@code /bench/constant}, the baseline of the serving benchmark ({@code BENCH_ROUTES})
 * @param maxUploadBytes the largest image upload accepted ({@code MAX_UPLOAD_BYTES}, default 25 MB)
 * @param tierRules    an operator's copy of the tier rules ({@code TIER_RULES}), or null for the bundled ones
 * @param defaultRegion the region of a request that names none ({@code DEFAULT_REGION}, default {@code CN}),
 *                      for region-targeted pages and components
 * @param authTokens   {@code AUTH=tokens}: the API needs a user's token; otherwise (the default) the
 *                     gateway's {@code X-Venuekit-User} header names an operator
 * @param eventLoops   HTTP event loops ({@code EVENT_LOOPS}, default 0: one per core)
 * @param warmUp       run the asset pipeline once on a made-up photo at start, in the background, so the
 *                     first upload does not wait for model and JIT warm-up ({@code WARM_UP}, default true)
 * @param tierDevices  an operator's device table or Google Play Console device catalogue export
 *                     ({@code TIER_DEVICES}), added to the bundled table, or null
 * @param linkPolicy   an operator's link policy file ({@code LINK_POLICY}: whether {@code http:} is allowed and
 *                     which app schemes), or null for the bundled one
 */
public record ServerConfig(
        int port,
        Path dataDir,
        String mongoUri,
        String databaseName,
        Path modelsDir,
        long maxBodyBytes,
        boolean seedSample,
        boolean benchRoutes,
        long maxUploadBytes,
        Path tierRules,
        String defaultRegion,
        boolean authTokens,
        int eventLoops,
        boolean warmUp,
        Path linkPolicy,
        Path tierDevices) {

    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

    public static ServerConfig fromEnvironment(Map<String, String> env) {
        return new ServerConfig(
                Integer.parseInt(env.getOrDefault("PORT", "8080")),
                Path.of(env.getOrDefault("DATA_DIR", "data")),
                blankToNull(env.get("MONGO_URI")),
                env.getOrDefault("MONGO_DB", "venuekit"),
                Path.of(env.getOrDefault("MODELS_DIR", "models")),
                Long.parseLong(env.getOrDefault("MAX_BODY_BYTES", Long.toString(DEFAULT_MAX_BODY_BYTES))),
                !"false".equalsIgnoreCase(env.getOrDefault("SEED_SAMPLE", "true")),
                "true".equalsIgnoreCase(env.getOrDefault("BENCH_ROUTES", "false")),
                Long.parseLong(env.getOrDefault("MAX_UPLOAD_BYTES", Long.toString(DEFAULT_MAX_UPLOAD_BYTES))),
                env.get("TIER_RULES") == null || env.get("TIER_RULES").isBlank()
                        ? null
                        : Path.of(env.get("TIER_RULES")),
                env.getOrDefault("DEFAULT_REGION", "CN"),
                "tokens".equalsIgnoreCase(env.getOrDefault("AUTH", "gateway")),
                Integer.parseInt(env.getOrDefault("EVENT_LOOPS", "0")),
                !"false".equalsIgnoreCase(env.getOrDefault("WARM_UP", "true")),
                blankToNull(env.get("LINK_POLICY")) == null ? null : Path.of(env.get("LINK_POLICY")),
                blankToNull(env.get("TIER_DEVICES")) == null ? null : Path.of(env.get("TIER_DEVICES")));
    }

    /** Defaults for tests: a free port, the embedded database under {@code dataDir}, no sample, no warm-up. */
    public static ServerConfig forTests(Path dataDir) {
        return new ServerConfig(
                0,
                dataDir,
                null,
                "venuekit",
                Path.of("../models"),
                DEFAULT_MAX_BODY_BYTES,
                false,
                false,
                DEFAULT_MAX_UPLOAD_BYTES,
                null,
                "CN",
                false,
                0,
                false,
                null,
                null);
    }

    public ServerConfig withSeedSample(boolean seed) {
        return new ServerConfig(
                port,
                dataDir,
                mongoUri,
                databaseName,
                modelsDir,
                maxBodyBytes,
                seed,
                benchRoutes,
                maxUploadBytes,
                tierRules,
                defaultRegion,
                authTokens,
                eventLoops,
                warmUp,
                linkPolicy,
                tierDevices);
    }

    public ServerConfig withAuthTokens(boolean tokens) {
        return new ServerConfig(
                port,
                dataDir,
                mongoUri,
                databaseName,
                modelsDir,
                maxBodyBytes,
                seedSample,
                benchRoutes,
                maxUploadBytes,
                tierRules,
                defaultRegion,
                tokens,
                eventLoops,
                warmUp,
                linkPolicy,
                tierDevices);
    }

    public ServerConfig withWarmUp(boolean warm) {
        return new ServerConfig(
                port,
                dataDir,
                mongoUri,
                databaseName,
                modelsDir,
                maxBodyBytes,
                seedSample,
                benchRoutes,
                maxUploadBytes,
                tierRules,
                defaultRegion,
                authTokens,
                eventLoops,
                warm,
                linkPolicy,
                tierDevices);
    }

    /** The HTTP event loops to run: as configured, or one per core. */
    public int httpEventLoops() {
        return eventLoops > 0 ? eventLoops : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
