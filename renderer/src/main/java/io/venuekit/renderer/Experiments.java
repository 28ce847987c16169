package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Slot experiments: an {@code experiment} component holds two or more variants as its children,
 * with a traffic share each in its props ({@code variants: [{"name", "share"}]}, shares summing to
 * 100, as the page validator checks). Which variant a user sees is a pure function of the page, the
 * experiment's id and the user's (or device's) id: SHA-256 of the three, read as a number in
 * [0, 10000), against the cumulative shares in basis points. No state is kept, so every instance
 * assigns alike and a user keeps their variant for as long as the experiment's id and shares stay.
 */
public final class Experiments {

    /** The component type that holds variants. */
    public static final String TYPE = "experiment";
    /** What a request without a user or device id sees: the first variant, the control. */
    static final int CONTROL = 0;

    private static final int BUCKETS = 10_000;

    private Experiments() {}

    /** One variant as its props declare it. */
    public record Variant(String name, int share) {}

    /** The chosen variant: its index among the children, and its name. */
    public record Pick(int index, String name) {}

    public static boolean is(JsonNode component) {
        return TYPE.equals(component.path("type").asText());
    }

    /** The variants the experiment's props declare, in order; empty when malformed. */
    public static List<Variant> variants(JsonNode experiment) {
        List<Variant> out = new ArrayList<>();
        for (JsonNode v : experiment.path("props").path("variants")) {
            out.add(new Variant(v.path("name").asText(""), v.path("share").asInt(0)));
        }
        return out;
    }

    /**
     * The variant a subject sees; null when the experiment is malformed (fewer than two variants,
     * or not one child per variant), which the validator refuses at publish.
     */
    public static Pick pick(String pageId, JsonNode experiment, String subject) {
        List<Variant> variants = variants(experiment);
        if (variants.size() < 2
                || variants.size() != experiment.path("children").size()) {
            return null;
        }
        int index = subject == null || subject.isEmpty()
                ? CONTROL
                : index(variants, bucket(pageId, experiment.path("id").asText(""), subject));
        return new Pick(index, variants.get(index).name());
    }

    /** The subject's bucket in [0, 10000) for one experiment of one page. */
    static int bucket(String pageId, String experimentId, String subject) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((pageId + "\n" + experimentId + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            long n = 0;
            for (int i = 0; i < 8; i++) {
                n = (n << 8) | (d[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(n, BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The variant whose cumulative share (scaled to the shares' total) covers the bucket. */
    private static int index(List<Variant> variants, int bucket) {
        long total = 0;
        for (Variant v : variants) {
            total += Math.max(0, v.share());
        }
        if (total <= 0) {
            return CONTROL;
        }
        long upTo = 0;
        for (int i = 0; i < variants.size(); i++) {
            upTo += Math.max(0, variants.get(i).share());
            if ((long) bucket * total < upTo * BUCKETS) {
                return i;
            }
        }
        return variants.size() - 1;
    }
}
