package io.venuekit.renderer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which page and version a snapshot is: a published snapshot names them {@code pageId} and
 * {@code number}, a draft or an unsaved document {@code id} and {@code version}.
 */
public record SnapshotId(String pageId, int version) {

    public static SnapshotId of(JsonNode snapshot) {
        String pageId = snapshot.hasNonNull("pageId")
                ? snapshot.get("pageId").asText()
                : snapshot.path("id").asText("");
        int version = snapshot.hasNonNull("number")
                ? snapshot.get("number").asInt()
                : snapshot.path("version").asInt(0);
        return new SnapshotId(pageId, version);
    }

    @Override
    public String toString() {
        return pageId + "@" + version;
    }
}
