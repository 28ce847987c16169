package io.venuekit.server;

import java.time.Duration;
import java.util.Map;
import sun.misc.Signal;

/** Starts Venuekit with the settings in the environment (see {@link ServerConfig}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        VenuekitServer server = VenuekitServer.start(ServerConfig.fromEnvironment(env));
        Duration grace = Duration.ofSeconds(Long.parseLong(env.getOrDefault("SHUTDOWN_GRACE_SECONDS", "30")));
        // SIGTERM and SIGINT stop gracefully *before* the JVM's exit hooks run: ONNX Runtime registers one
        // that releases its environment, and shutdown hooks run in no particular order, so a hook of ours
        // could not keep it from pulling the models from under a job still inside a session's run.
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(
                    new Signal(name),
                    signal -> new Thread(
                                    () -> {
                                        boolean clean = server.shutdown(grace);
                                        int status = 128 + signal.getNumber();
                                        if (clean) {
                                            System.exit(status);
                                        }
                                        // something is still inside the pipeline: leave without the exit hooks rather
                                        // than crash
                                        Runtime.getRuntime().halt(status);
                                    },
                                    "venuekit-shutdown")
                            .start());
        }
        // any other way out (System.exit elsewhere) still closes the database
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "venuekit-close"));
    }
}
