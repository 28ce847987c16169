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
 * with a multipart POST, then polls its manifest every 20 ms over one kept-alive connection until it
 * is ready, one photo after another. One JVM for all of it: a new {@code curl} per poll took a
 * quarter of a core from the two the server has, and the figure with it.
 * Usage: {@code UploadToReady <base url> <photo>...}.
 */
public final class UploadToReady {

    private static final long POLL_MS = Long.getLong("poll.ms", 20);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UPDATED = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: UploadToReady <base url> <photo>...");
            System.exit(2);
        }
        String base = args[0];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> walls = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path photo = Path.of(args[i]);
            long start = System.nanoTime();
            HttpResponse<String> posted = client.send(upload(base, photo), HttpResponse.BodyHandlers.ofString());
            long postMs = (System.nanoTime() - start) / 1_000_000;
            if (posted.statusCode() / 100 != 2) {
                throw new IllegalStateException("upload of " + photo + " answered " + posted.statusCode() + ": " + posted.body());
            }
            String id = first(ID, posted.body());
            String body;
            String status;
            do {
                Thread.sleep(POLL_MS);
                body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/assets/" + id))
                        .header("X-Venuekit-User", "bench").build(), HttpResponse.BodyHandlers.ofString()).body();
                status = first(STATUS, body);
            } while (!status.equals("ready") && !status.equals("failed"));
            long wall = (System.nanoTime() - start) / 1_000_000;
            long server = Duration.between(Instant.parse(first(CREATED, body)), Instant.parse(first(UPDATED, body))).toMillis();
            System.out.printf("%s: %s, %d ms from upload to ready (POST answered in %d ms; server: %d ms from stored upload to ready)%n",
                    photo.getFileName(), status, wall, postMs, server);
            walls.add(wall);
        }
        Collections.sort(walls);
        int n = walls.size();
        double median = n % 2 == 1 ? walls.get(n / 2) : (walls.get(n / 2 - 1) + walls.get(n / 2)) / 2.0;
        System.out.printf("median %.0f ms over %d uploads%n", median, n);
    }

    private static HttpRequest upload(String base, Path photo) throws Exception {
        String boundary = "venuekit-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + photo.getFileName() + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
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
