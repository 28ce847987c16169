package io.venuekit.server.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Requests the HTTP layer could not parse (a request line or headers too long, a malformed line)
 * get the same JSON error body as every other failure, instead of Vert.x's empty default.
 */
public final class InvalidRequests {

    private InvalidRequests() {}

    public static void handle(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        int status;
        String code;
        String message;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            code = "uri-too-long";
            message = "The request line is longer than the server reads; shorten the address and its query.";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            code = "headers-too-large";
            message = "The request's headers are larger than the server reads; send fewer or shorter headers.";
        } else {
            status = 400;
            code = "bad-request";
            message = "The request is not valid HTTP and could not be read.";
        }
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return;
        }
        String body =
                "{\"error\":{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Connection", "close")
                .end(Buffer.buffer(body))
                .onComplete(done -> request.connection().close());
    }
}
