package io.venuekit.server;

import io.venuekit.server.TestServer.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one HTTP client of the server tests: requests to a router listening on {@code port} of this
 * machine (the whole server's, or the asset routes on their own), answered as {@link Response}s.
 * Safe to call from several threads at once.
 */
public final class TestHttp {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Duration timeout;

    public TestHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * {@code body} is sent as is when a String or byte[], else serialised as JSON; a body goes as
     * {@code application/json} unless {@code headers} (name, value, ...) give a Content-Type.
     */
    public Response send(String method, String path, Object body, String... headers) {
        try {
            byte[] bytes = body == null
                    ? null
                    : body instanceof byte[] b
                            ? b
                            : body instanceof String s
                                    ? s.getBytes(StandardCharsets.UTF_8)
                                    : TestServer.MAPPER.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(timeout)
                    .method(
                            method,
                            bytes == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
            boolean typed = false;
            for (int i = 0; i < headers.length; i += 2) {
                typed |= headers[i].equalsIgnoreCase("Content-Type");
            }
            if (bytes != null && !typed) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
