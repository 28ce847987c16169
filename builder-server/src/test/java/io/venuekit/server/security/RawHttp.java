package io.venuekit.server.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte over a socket, for what a well-behaved client library refuses to
 * send (control characters in a header, a broken request line), with a deadline for the answer.
 */
final class RawHttp {

    record Answer(int status, String head, String body, boolean timedOut) {
        boolean answered() {
            return !timedOut && status > 0;
        }

        @Override
        public String toString() {
            return timedOut ? "no answer in time" : head + "\n\n" + body;
        }
    }

    private RawHttp() {}

    /** Sends {@code request} (with its own CRLFs and blank line) and reads one answer, waiting at most {@code timeoutMs}. */
    static Answer send(int port, byte[] request, int timeoutMs) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.currentTimeMillis() + timeoutMs;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                    if (complete(received.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                    if (System.currentTimeMillis() > deadline) {
                        return new Answer(0, "", "", true);
                    }
                }
            } catch (SocketTimeoutException e) {
                if (received.size() == 0) {
                    return new Answer(0, "", "", true);
                }
            }
            return parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    static Answer get(int port, String target, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder("GET ")
                .append(target)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        return send(port, request.toString().getBytes(StandardCharsets.ISO_8859_1), 5000);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase();
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = head.indexOf("\r\n", at);
        int length = Integer.parseInt(
                head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
        return text.length() - end - 4 >= length;
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = 0;
        if (head.startsWith("HTTP/1.")) {
            status = Integer.parseInt(head.substring(9, 12));
        }
        return new Answer(status, head, body, false);
    }
}
