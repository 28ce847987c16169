package io.venuekit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of {@code bench/assets/upload-to-ready.sh}: uploads each photo to a running server
 * with a multipart POST, then polls its manifest over one kept-alive connection until it is ready,
 * one photo after another. The figure per upload is the POST's own time plus the server's
 * {@code createdAt} to {@code readyAt}, when its variants were first served (which starts before the
 * POST is answered, so the sum is a slight overestimate); the wall time until a poll saw it ready is
 * printed beside it. With a subject model configured the server refines the crops afterwards; the
 * time to that ({@code createdAt} to {@code updatedAt} once ready) is printed as well. Polling
 * every 100 ms ({@code -Dpoll.ms}) adds up to that much to the wall time; polling every 20 ms made
 * the server's own time 20-40% longer on this 2-core machine, each poll being a database read.
 * Usage: {@code UploadToReady <base url> <photo>...}.
 */
public final class UploadToReady {

    private static final long POLL_MS = Long.getLong("poll.ms", 100);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UPDATED = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern READY = Pattern.compile("\"readyAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT_BY = Pattern.compile("\"subjectBy\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: UploadToReady <base url> <photo>...");
            System.exit(2);
        }
        String base = args[0];
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> readyTimes = new ArrayList<>();
        List<Long> refinedTimes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path photo = Path.of(args[i]);
            long start = System.nanoTime();
            HttpResponse<String> posted = client.send(upload(base, photo), HttpResponse.BodyHandlers.ofString());
            long postMs = (System.nanoTime() - start) / 1_000_000;
            if (posted.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "upload of " + photo + " answered " + posted.statusCode() + ": " + posted.body());
            }
            String id = first(ID, posted.body());
            String body;
            String status;
            do {
                Thread.sleep(POLL_MS);
                body = client.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/assets/" + id))
                                        .header("X-Venuekit-User", "bench")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                status = first(STATUS, body);
            } while (!status.equals("ready") && !status.equals("failed"));
            long wall = (System.nanoTime() - start) / 1_000_000;
            Instant created = Instant.parse(first(CREATED, body));
            long server =
                    Duration.between(created, Instant.parse(first(READY, body))).toMillis();
            long ready = postMs + server;
            System.out.printf(
                    "%s: %s in %d ms (POST answered in %d ms + server %d ms from stored upload to variants served); a poll saw it after %d ms%n",
                    photo.getFileName(), status, ready, postMs, server, wall);
            readyTimes.add(ready);
            Matcher by = SUBJECT_BY.matcher(body);
            if (by.find()
                    && by.group(1).equals("salient-object model")
                    && !first(READY, body).equals(first(UPDATED, body))) {
                long refined = postMs
                        + Duration.between(created, Instant.parse(first(UPDATED, body)))
                                .toMillis();
                System.out.printf("    crops refined with the subject model in %d ms%n", refined);
                refinedTimes.add(refined);
            }
        }
        if (!refinedTimes.isEmpty()) {
            System.out.printf(
                    "median %.0f ms from upload to crops refined with the subject model over %d uploads%n",
                    median(refinedTimes), refinedTimes.size());
        }
        System.out.printf(
                "median %.0f ms from upload to all variants served over %d uploads (first %d ms)%n",
                median(readyTimes), readyTimes.size(), readyTimes.get(0));
    }

    private static double median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static HttpRequest upload(String base, Path photo) throws Exception {
        String boundary = "venuekit-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + photo.getFileName() + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(URI.create(base + "/api/assets"))
                .header("X-Venuekit-User", "bench")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(photo), tail)))
                .build();
    }

    private static String first(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p.pattern() + " in " + body);
        }
        return m.group(1);
    }
}
