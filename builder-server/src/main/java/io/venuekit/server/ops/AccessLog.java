package io.venuekit.server.ops;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * One line per request (time, request id, client, method, path, status, bytes, milliseconds) and the
 * request id in {@code X-Request-Id}: the caller's when it is sane, else a new one, also kept on the
 * context for error logs. Lines go to standard output from one writer thread, so an event loop never
 * waits on a stream; when the writer falls behind, lines are dropped and counted rather than slowing
 * serving.
 */
public final class AccessLog implements io.vertx.core.shareddata.Shareable, AutoCloseable {

    public static final String REQUEST_ID = "X-Request-Id";
    /** Where the request id is kept on the routing context. */
    public static final String ID_KEY = "venuekit.requestId";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final long BATCH_MILLIS = 10;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(65_536);
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;
    private final java.io.OutputStream sink;

    public AccessLog() {
        this(System.out);
    }

    /** Writes the lines to {@code sink} (tests; the server uses standard output). */
    AccessLog(java.io.OutputStream sink) {
        this.sink = sink;
        writer = new Thread(this::write, "access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops the writer once what is queued has gone out (waits at most a second for that). */
    @Override
    public void close() {
        writer.interrupt();
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long dropped() {
        return dropped.sum();
    }

    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String given = request.getHeader(REQUEST_ID);
        String id = given != null && SANE_ID.matcher(given).matches() ? given : newId();
        ctx.put(ID_KEY, id);
        ctx.response().putHeader(REQUEST_ID, id);
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            var remote = request.remoteAddress();
            String line = Instant.now() + " " + id + " " + (remote == null ? "-" : remote.hostAddress()) + " "
                    + request.method()
                    + " " + request.path() + " " + ctx.response().getStatusCode() + " "
                    + ctx.response().bytesWritten() + " "
                    + (System.nanoTime() - start) / 1_000 / 1000.0 + "ms" + (done.failed() ? " connection-closed" : "");
            if (!lines.offer(line)) {
                dropped.increment();
            }
        });
        ctx.next();
    }

    /** The request id of this request, for a log line. */
    public static String id(RoutingContext ctx) {
        String id = ctx.get(ID_KEY);
        return id == null ? "-" : id;
    }

    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE)
                + Long.toHexString(r.nextLong() | Long.MIN_VALUE).substring(0, 8);
    }

    private void write() {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 64 * 1024);
        List<String> batch = new ArrayList<>(1024);
        try {
            while (true) {
                String first = lines.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lines.drainTo(batch);
                writeAll(out, batch);
                // one wake-up and one write per batch instead of per line: under load the lines of
                // these milliseconds gather in the queue meanwhile
                Thread.sleep(BATCH_MILLIS);
            }
        } catch (InterruptedException e) {
            // closing: what is queued still goes out
            lines.drainTo(batch);
            try {
                writeAll(out, batch);
            } catch (IOException ignored) {
                // standard output is gone
            }
        } catch (IOException e) {
            // standard output is gone
        }
    }

    private static void writeAll(BufferedWriter out, List<String> batch) throws IOException {
        for (String line : batch) {
            out.write("access ");
            out.write(line);
            out.newLine();
        }
        out.flush();
        batch.clear();
    }
}
