package io.venuekit.server;

/** Starts Venuekit with the settings in the environment (see {@link ServerConfig}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        VenuekitServer server = VenuekitServer.start(ServerConfig.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "venuekit-shutdown"));
    }
}
