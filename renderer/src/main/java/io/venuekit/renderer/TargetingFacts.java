package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which request facts a snapshot's targeting looks at, so a cache key holds the region only for
 * pages that target regions, and of a user's audiences only those the page names.
 */
record TargetingFacts(boolean regions, boolean platforms, Set<String> audiences) {

    static TargetingFacts of(JsonNode snapshot) {
        boolean[] used = new boolean[2];
        Set<String> audiences = new TreeSet<>();
        scan(snapshot.get("targeting"), used, audiences);
        scanComponents(snapshot.path("components"), used, audiences);
        return new TargetingFacts(used[0], used[1], audiences);
    }

    void appendTo(StringBuilder key, RenderRequest request) {
        if (regions) {
            key.append("/r=").append(request.region());
        }
        if (platforms) {
            key.append("/p=").append(request.platform());
        }
        if (!audiences.isEmpty() && request.audiences().isEmpty()) {
            key.append("/a=");
        } else if (!audiences.isEmpty()) {
            Set<String> matched = new TreeSet<>(request.audiences());
            matched.retainAll(audiences);
            key.append("/a=").append(String.join(",", matched));
        }
    }

    private static void scanComponents(JsonNode components, boolean[] used, Set<String> audiences) {
        for (JsonNode c : components) {
            scan(c.get("targeting"), used, audiences);
            scanComponents(c.path("children"), used, audiences);
        }
    }

    private static void scan(JsonNode targeting, boolean[] used, Set<String> audiences) {
        if (targeting == null) {
            return;
        }
        used[0] |= !targeting.path("regions").isEmpty();
        used[1] |= !targeting.path("platforms").isEmpty();
        targeting.path("audiences").forEach(a -> audiences.add(a.asText()));
    }
}
